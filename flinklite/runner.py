"""Running a whole SQL script to completion from Python: every statement in order, the last one's
changelog collected. Golden tests use it; so can anyone embedding flinklite.

`${NAME}` and `${NAME:-default}` placeholders are replaced from `variables` first."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flinklite.catalog.types import RowField
from flinklite.errors import ValidationError
from flinklite.results import ChangelogResult
from flinklite.session import Session
from flinklite.sql.splitter import split_statements

# Innermost first: a default may itself hold a placeholder, `${A:-${B}/x}`.
_PLACEHOLDER = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-((?:(?!\$\{)[^}])*))?\}")


@dataclass
class ScriptRun:
    """The last statement's result: its fields and every change it produced, in order."""

    fields: list[RowField] = field(default_factory=list)
    changes: list[tuple[str, tuple]] = field(default_factory=list)


def substitute(text: str, variables: dict[str, str]) -> str:
    def replace(m: re.Match[str]) -> str:
        name, default = m.group(1), m.group(2)
        if name in variables:
            return variables[name]
        if default is not None:
            return default
        raise ValidationError(f"No value for the placeholder ${{{name}}} in the script")

    while True:
        replaced = _PLACEHOLDER.sub(replace, text)
        if replaced == text:
            return text
        text = replaced


def run_script(
    text: str,
    *,
    variables: dict[str, str] | None = None,
    conf: dict[str, str] | None = None,
    timeout_s: float | None = 300.0,
) -> ScriptRun:
    """Executes `text` statement by statement; raises the first FlinkliteError (a rejected
    statement or a failed job). Jobs started by INSERTs are awaited."""
    script = substitute(text, variables or {})
    session = Session(conf)
    run = ScriptRun()
    try:
        for stmt in split_statements(script):
            result = session.execute_statement(stmt.text, line=stmt.line, column=stmt.column)
            if isinstance(result, ChangelogResult):
                run = ScriptRun(
                    [RowField(n, t) for n, t in zip(result.columns, result.types, strict=True)],
                    list(result.changes()),
                )
        for job in session.jobs.jobs:
            if not job.wait(timeout_s):
                job.cancel()
                raise ValidationError(f"Job '{job.name}' did not finish within {timeout_s} s")
            if job.error is not None:
                raise job.error
        return run
    finally:
        session.close()
