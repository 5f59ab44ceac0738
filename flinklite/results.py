"""What Session.execute returns: results as data, never printed text.

Front ends (the -f runner, the shell, the tutorial, tests) decide how each kind is rendered."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from flinklite.catalog.types import DataType

# The client's messages for statements that succeed with nothing to show.
STATEMENT_OK = "Execute statement succeed."
PROPERTY_RESET = "Session property has been reset."
ALL_PROPERTIES_RESET = "All session properties have been set to their default values."


@dataclass(frozen=True, slots=True)
class Result:
    pass


@dataclass(frozen=True, slots=True)
class StatusResult(Result):
    """A one-line outcome such as `Execute statement succeed.`; level INFO or WARNING."""

    message: str
    level: str = "INFO"


@dataclass(frozen=True, slots=True)
class TableResult(Result):
    """A finite table (SHOW, DESCRIBE, SET; and batch query results): names, types and rows."""

    columns: tuple[str, ...]
    types: tuple[DataType, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TextResult(Result):
    """Preformatted text shown as is: EXPLAIN plans, SHOW CREATE TABLE."""

    text: str


@dataclass(frozen=True, slots=True)
class JobSubmittedResult(Result):
    """An INSERT or statement set started as a background job."""

    job_id: str
    job_name: str


@dataclass(frozen=True, slots=True)
class ChangelogResult(Result):
    """A running query: its schema, the live changelog buffer (`buffer.changes()` yields
    (kind, row) until the job ends) and the job. `insert_only` says whether rows can change."""

    columns: tuple[str, ...]
    types: tuple[DataType, ...]
    buffer: Any
    job: Any
    insert_only: bool = True

    def changes(self):
        return self.buffer.changes()


@dataclass(frozen=True, slots=True)
class HelpResult(Result):
    text: str


@dataclass(frozen=True, slots=True)
class QuitResult(Result):
    pass


@dataclass(frozen=True, slots=True)
class ClearResult(Result):
    pass
