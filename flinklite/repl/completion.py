"""Tab completion in the shell: SQL keywords, the session's tables, views and their columns,
function names, and configuration keys after SET / RESET.

Candidates are read from the live session on every Tab, so a table created a moment ago completes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document

from flinklite.sql.keywords import RESERVED_KEYWORDS

# Words a Flink user types that the reserved list lacks (non-reserved in Flink's parser) and
# the client's own commands.
EXTRA_KEYWORDS = frozenset(
    """
    ASC BEGIN CATALOG CLEAR DATABASE DESC ENFORCED EXIT HELP IF JAR JARS JOB JOBS KEY LAST
    METADATA NULLS OVERWRITE PARTITIONED PLAN QUIT REPLACE SAVEPOINT SECONDS SESSION STOP
    TEMPORARY TUMBLE HOP CUMULATE VIEW VIRTUAL WATERMARK
    """.split()
)

KEYWORDS: tuple[str, ...] = tuple(sorted(RESERVED_KEYWORDS | EXTRA_KEYWORDS))

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*$")
# `SET '` or `RESET '` followed by a partly typed key (the quote may still be missing).
_CONFIG_KEY = re.compile(r"\b(?:SET|RESET)\s+'?([A-Za-z0-9_.\-]*)$", re.IGNORECASE)
_QUALIFIED = re.compile(r"([A-Za-z_][A-Za-z0-9_$]*|`[^`]+`)\.([A-Za-z_][A-Za-z0-9_$]*)?$")
_IDENTIFIER = re.compile(r"`([^`]+)`|([A-Za-z_][A-Za-z0-9_$]*)")


class SqlCompleter(Completer):
    """Completes the word before the cursor from the session's catalog and Flink's vocabulary."""

    def __init__(self, session: Any) -> None:
        self.session = session

    def get_completions(
        self, document: Document, complete_event: CompleteEvent
    ) -> Iterator[Completion]:
        try:
            statement = _current_statement(document)
            yield from self._completions(document.text_before_cursor, statement)
        except Exception:  # noqa: BLE001 - a completion problem must never break typing
            return

    def _completions(self, before: str, statement: str) -> Iterator[Completion]:
        config_key = _CONFIG_KEY.search(before)
        if config_key is not None:
            prefix = config_key.group(1)
            yield from _matching(config_keys(self.session), prefix, "option")
            return
        qualified = _QUALIFIED.search(before)
        if qualified is not None:
            owner = qualified.group(1).strip("`")
            prefix = qualified.group(2) or ""
            columns = self.columns_of(owner)
            if columns is None:  # an alias: offer every column the statement can see
                columns = self.statement_columns(statement)
            yield from _matching(columns, prefix, "column")
            return
        word = _WORD.search(before)
        if word is None:
            return
        prefix = word.group(0)
        seen: set[str] = set()
        for names, meta, upper in (
            (self.statement_columns(statement), "column", False),
            (self.tables(), "table", False),
            (self.functions(), "function", True),
            (KEYWORDS, "keyword", True),
        ):
            for completion in _matching(names, prefix, meta, fold=upper):
                if completion.text.lower() not in seen:
                    seen.add(completion.text.lower())
                    yield completion

    # --- what the session knows ----------------------------------------------------------------

    def tables(self) -> list[str]:
        return list(self.session.table_names())

    def columns_of(self, table: str) -> list[str] | None:
        return self.session.column_names(table)

    def statement_columns(self, statement: str) -> list[str]:
        """Columns of the tables the statement names; of every table when it names none yet."""
        tables = self.tables()
        by_name = {t.lower(): t for t in tables}
        named = []
        for quoted, plain in _IDENTIFIER.findall(statement):
            name = by_name.get((quoted or plain).lower())
            if name is not None and name not in named:
                named.append(name)
        columns: list[str] = []
        for table in named or tables:
            for column in self.columns_of(table) or ():
                if column not in columns:
                    columns.append(column)
        return columns

    def functions(self) -> list[str]:
        return list(self.session.function_names())


def _current_statement(document: Document) -> str:
    """The statement the cursor is in: a FROM typed after the cursor counts too."""
    before, after = document.text_before_cursor, document.text_after_cursor
    return before.rsplit(";", 1)[-1] + after.split(";", 1)[0]


def config_keys(session: Any) -> list[str]:
    """Every key SET knows: flinklite's options and any the session has set besides."""
    from flinklite.config import OPTIONS

    keys = set(OPTIONS)
    try:
        keys.update(k for k, _ in session.config.items())
    except Exception:  # noqa: BLE001 - a partial list is still useful
        pass
    return sorted(keys)


def _matching(
    names: Iterable[str], prefix: str, meta: str, *, fold: bool = False
) -> Iterator[Completion]:
    """Names starting with `prefix` (case-insensitively). Keywords and functions follow the case
    the user types, so `sel` completes to `select` and `SEL` to `SELECT`."""
    lowered = prefix.lower()
    lower_case = fold and prefix.islower()
    for name in names:
        if name.lower().startswith(lowered) and name.lower() != lowered:
            text = name.lower() if lower_case else name
            yield Completion(text, start_position=-len(prefix), display_meta=meta)
