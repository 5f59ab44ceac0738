"""Where flinklite's shipped files are: the grammar, in a source checkout or an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def grammar_path(name: str = "flinksql.lark") -> Path:
    """The grammar file: flinklite/grammar/ in a wheel, the top-level grammar/ in a checkout."""
    for folder in (_PACKAGE_DIR / "grammar", _PACKAGE_DIR.parent / "grammar"):
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"flinklite's grammar file {name} is missing from the installation")
