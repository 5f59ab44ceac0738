"""The data files flinklite reads at run time, found through importlib.resources.

They ship inside the package (the grammar is edited in the top-level grammar/ and installed as
flinklite.grammar), so a wheel, an sdist and an editable checkout all read them the same way."""

from __future__ import annotations

from importlib import resources

# Every data file the package reads at run time, as (package, file name). The packaging tests
# check that each of them is inside the wheel and the sdist.
GRAMMAR = ("flinklite.grammar", "flinksql.lark")
DATA_FILES: tuple[tuple[str, str], ...] = (GRAMMAR,)


def read_text(resource: tuple[str, str]) -> str:
    package, name = resource
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as e:
        raise FileNotFoundError(
            f"flinklite's data file {name} ({package}) is missing from the installation; "
            "reinstall flinklite"
        ) from e


def grammar_text() -> str:
    """The Flink SQL grammar (grammar/flinksql.lark)."""
    return read_text(GRAMMAR)
