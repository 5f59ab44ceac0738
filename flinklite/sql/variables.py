"""Script variables: `${name}` and `${name:-default}` in a statement, replaced by the session's
configuration value of `name` (set with `-D name=value` or `SET 'name' = 'value'`) before parsing.

A flinklite extension, so one script runs against any broker and registry: the tutorial's tables
say `'properties.bootstrap.servers' = '${kafka.bootstrap:-localhost:9092}'`. Comments are left
alone; an unset variable without a default is an error at its position."""

from __future__ import annotations

import re
from collections.abc import Callable

from flinklite.errors import Pos, ValidationError

_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_.\-]*)(?::-([^}]*))?\}")
# Quoted text is stepped over whole so a `--` inside a string is not taken for a comment;
# comments (group 1) are never substituted.
_TOKENS = re.compile(r"'(?:[^']|'')*'?|`(?:[^`]|``)*`?|(--[^\n]*|/\*.*?(?:\*/|$))", re.S)


def substitute(
    text: str, lookup: Callable[[str], str | None], *, line: int = 1, column: int = 1
) -> str:
    """`text` with every `${name}` outside comments replaced; `line`/`column` say where `text`
    starts in its script, for the error of an unset variable."""
    if "${" not in text:
        return text
    out: list[str] = []
    pos = 0
    for token in _TOKENS.finditer(text):
        if token.group(1) is None:
            continue  # quoted text: substituted with the code around it
        out.append(_replace(text, pos, token.start(), lookup, line, column))
        out.append(token.group())
        pos = token.end()
    out.append(_replace(text, pos, len(text), lookup, line, column))
    return "".join(out)


def _replace(
    text: str,
    start: int,
    end: int,
    lookup: Callable[[str], str | None],
    line: int,
    column: int,
) -> str:
    def value(match: re.Match[str]) -> str:
        name, default = match.group(1), match.group(2)
        found = lookup(name)
        if found is not None:
            return found
        if default is not None:
            return default
        raise ValidationError(
            f"Variable '{name}' is not set: pass -D {name}=VALUE to flinklite, run "
            f"SET '{name}' = 'VALUE';, or give a default as ${{{name}:-VALUE}}",
            pos=_position(text, start + match.start(), len(match.group()), line, column),
        )

    return _VARIABLE.sub(value, text[start:end])


def variable_uses(text: str, *, line: int = 1, column: int = 1) -> list[tuple[str, Pos]]:
    """Each `${name}` that `substitute` replaces in `text`, with where it is in the script."""
    comments = [t.span() for t in _TOKENS.finditer(text) if t.group(1) is not None]
    return [
        (m.group(1), _position(text, m.start(), len(m.group()), line, column))
        for m in _VARIABLE.finditer(text)
        if not any(a <= m.start() < b for a, b in comments)
    ]


def _position(text: str, offset: int, length: int, line: int, column: int) -> Pos:
    row = text.count("\n", 0, offset)
    col = (column if row == 0 else 1) + offset - (text.rfind("\n", 0, offset) + 1)
    return Pos(line + row, col, line + row, col + length)
