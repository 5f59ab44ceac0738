"""The errors flinklite shows to users: a message, a source position and a hint.

Every user mistake surfaces as a FlinkliteError; front ends render it, never a traceback."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pos:
    """A 1-based source span inside a script (lines and columns count from the script's start)."""

    line: int
    column: int
    end_line: int = 0
    end_column: int = 0  # exclusive; 0 when unknown

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}"


NO_POS = Pos(0, 0)


class FlinkliteError(Exception):
    """A failure the user can act on. `kind` names it the way Flink's exception class would."""

    kind = "Error"

    def __init__(
        self,
        message: str,
        *,
        pos: Pos | None = None,
        hint: str | None = None,
        source: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos if pos is not None and pos.line > 0 else None
        self.hint = hint
        self.source = source  # the script or statement text the position refers to

    def with_source(self, source: str) -> FlinkliteError:
        """Attach the text `pos` points into, unless one is attached already."""
        if self.source is None:
            self.source = source
        return self

    def render(self) -> str:
        """The message with its position, the offending line and a caret under the column."""
        located = self.pos is None or str(self.pos) in self.message
        lines = [self.message if located else f"{self.message} (at {self.pos})"]
        if self.pos is not None and self.source is not None:
            src_lines = self.source.splitlines()
            if 0 < self.pos.line <= len(src_lines):
                text = src_lines[self.pos.line - 1].expandtabs(1)
                width = 1
                if self.pos.end_line == self.pos.line and self.pos.end_column > self.pos.column:
                    width = self.pos.end_column - self.pos.column
                lines.append(text)
                lines.append(" " * (self.pos.column - 1) + "^" * max(1, width))
        if self.hint:
            lines.append(self.hint)
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render()


class SqlParseError(FlinkliteError):
    """The text is not Flink SQL: a syntax error."""

    kind = "SqlParseException"


class ValidationError(FlinkliteError):
    """The statement is well formed but refers to something wrong: tables, columns, types, options."""

    kind = "ValidationException"


class UnsupportedError(FlinkliteError):
    """Valid Flink SQL that flinklite cannot run (for example a Java user-defined function)."""

    kind = "UnsupportedOperationException"


class ExecutionError(FlinkliteError):
    """A statement that failed while running: a job failure, a bad record."""

    kind = "ExecutionException"


def did_you_mean(name: str, candidates: list[str] | tuple[str, ...]) -> str | None:
    """A 'did you mean' hint for a misspelt name, or None when nothing is close."""
    import difflib

    lowered = {c.lower(): c for c in candidates}
    if name.lower() in lowered:
        return f"did you mean '{lowered[name.lower()]}'?"
    close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
    return f"did you mean '{lowered[close[0]]}'?" if close else None
