"""The type check holds: mypy finds nothing beyond its baseline, and the baseline lists nothing
that is fixed (it shrinks as findings are fixed; see typecheck.py)."""

from __future__ import annotations

from typecheck import baseline, findings


def test_no_type_errors_beyond_the_baseline():
    found, known = findings(), baseline()
    new = sorted((found - known).elements())
    assert not new, "new type errors:\n" + "\n".join(new)
    fixed = sorted((known - found).elements())
    assert not fixed, (
        "fixed, so the baseline shrinks: run `python3 tests/architecture/typecheck.py --update`\n"
        + "\n".join(fixed)
    )
