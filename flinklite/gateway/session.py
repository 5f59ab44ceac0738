"""A session on a Flink cluster: every statement goes to Flink's SQL Gateway and comes back as the
same Result objects a local session returns, so the shell, `-f` scripts and their views work
unchanged (`flinklite --gateway URL`).

The gateway parses, validates and runs; flinklite only splits scripts, replaces their
`${variables}`, answers the client's own commands (HELP, CLEAR, QUIT) and shows results. A
query's rows stream from the gateway's result pages into the changelog buffer a local job fills."""

from __future__ import annotations

import re
import threading
import time
from typing import Any

from flinklite.catalog.types import DataType
from flinklite.config import Configuration
from flinklite.errors import FlinkliteError, Pos
from flinklite.gateway.rest import GatewayClient, RemoteError
from flinklite.gateway.values import ROW_KINDS, logical_type, row_converter
from flinklite.results import (
    ALL_PROPERTIES_RESET,
    PROPERTY_RESET,
    STATEMENT_OK,
    ChangelogResult,
    ClearResult,
    HelpResult,
    JobSubmittedResult,
    QuitResult,
    Result,
    StatusResult,
    TableResult,
    TextResult,
)
from flinklite.runtime.collect import ResultBuffer
from flinklite.sql.splitter import after_comments
from flinklite.sql.variables import substitute

HEARTBEAT_INTERVAL_S = 60.0  # the gateway forgets a session idle for 10 minutes by default
# Polling an operation that has nothing yet: start fast (a DDL is ready in milliseconds), back
# off to a rate that costs the gateway nothing while a streaming query waits for input.
_FIRST_WAIT_S, _MAX_WAIT_S = 0.005, 0.2
# Names for completion are asked of the gateway at most this often.
_NAMES_TTL_S = 3.0

_WORDS = re.compile(r"[A-Za-z]+")
_RESET_ALL = re.compile(r"\s*RESET\s*;?\s*$", re.IGNORECASE)
# A statement's kind by its first words, as flinklite.session.STATEMENT_KINDS names them: the
# gateway accepts SQL flinklite's parser may not know, so the words decide, not a parse.
_KINDS = {
    "SELECT": "QUERY",
    "WITH": "QUERY",
    "VALUES": "QUERY",
    "TABLE": "QUERY",
    "INSERT": "INSERT",
    "EXECUTE": "INSERT",
    "CREATE": "DDL",
    "DROP": "DDL",
    "ALTER": "DDL",
    "ANALYZE": "DDL",
    "TRUNCATE": "DDL",
    "REPLACE": "DDL",
    "SET": "SET",
    "RESET": "RESET",
    "USE": "USE",
    "SHOW": "SHOW",
    "DESCRIBE": "DESCRIBE",
    "DESC": "DESCRIBE",
    "EXPLAIN": "EXPLAIN",
    "BEGIN": "STATEMENT SET",
    "END": "STATEMENT SET",
    "STOP": "STOP JOB",
    "LOAD": "LOAD",
    "UNLOAD": "UNLOAD",
    "ADD": "ADD JAR",
    "REMOVE": "REMOVE JAR",
    "HELP": "CLIENT",
    "QUIT": "CLIENT",
    "EXIT": "CLIENT",
    "CLEAR": "CLIENT",
}


def statement_kind(text: str) -> str:
    """QUERY, INSERT, DDL, SET, ... for a statement's text (comments before it skipped)."""
    return _KINDS.get(_first_word(text), "OTHER")


def _first_word(text: str) -> str:
    """The statement's first word, upper case (`(SELECT ...) UNION ...` starts with SELECT)."""
    word = _WORDS.match(after_comments(text).lstrip("("))
    return word.group(0).upper() if word else ""


class ClusterJobs:
    """A remote session's jobs in this process: none. INSERT jobs run on the cluster and outlive
    the client, as with Flink's client; SHOW JOBS and STOP JOB ask the cluster."""

    jobs: list[Any] = []

    def wait_all(self) -> list[Any]:
        return []

    def cancel_all(self) -> None:
        pass


class RemoteQuery:
    """A query running on the cluster, as a result view sees a job: it can be waited for and
    cancelled (which closes the gateway's operation, and so cancels the Flink job)."""

    def __init__(self, session: RemoteSession, operation: str, job_id: str | None) -> None:
        self.session = session
        self.operation = operation
        self.id = job_id or operation
        self.name = "collect"
        self.error: BaseException | None = None
        self._cancelled = threading.Event()
        self._done = threading.Event()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    @property
    def cancelling(self) -> bool:
        return self._cancelled.is_set() and not self.done

    def cancel(self) -> None:
        if self._cancelled.is_set() or self.done:
            return
        self._cancelled.set()
        self.session.close_operation(self.operation)

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def follow(self, page: dict[str, Any], buffer: ResultBuffer, convert: Any) -> None:
        """Feeds the buffer from the result pages until the query ends, fails or is cancelled."""
        client, wait = self.session.client, _FIRST_WAIT_S
        try:
            while not self._cancelled.is_set():
                rows = page.get("results", {}).get("data", [])
                for entry in rows:
                    buffer.process(ROW_KINDS.get(entry.get("kind"), "+I"), convert(entry["fields"]))
                uri = page.get("nextResultUri")
                if page.get("resultType") == "EOS" or not uri:
                    break
                if rows:
                    wait = _FIRST_WAIT_S
                else:
                    self._cancelled.wait(wait)
                    wait = min(wait * 2, _MAX_WAIT_S)
                page = client.fetch(uri)
        except FlinkliteError as exc:
            if not self._cancelled.is_set():
                self.error = exc
        finally:
            self._done.set()
            buffer.finish()


class RemoteSession:
    """A session on a Flink SQL Gateway, used by front ends exactly as flinklite.session.Session."""

    def __init__(self, address: str, conf: dict[str, str] | None = None) -> None:
        self.client = GatewayClient(address)
        self.handle = self.client.open_session(dict(conf or {}))
        self.config = Configuration.from_properties(self.client.properties(self.handle))
        self.jobs = ClusterJobs()
        self._queries: list[RemoteQuery] = []
        self._names: dict[str, tuple[float, list[str]]] = {}
        self._closed = threading.Event()
        threading.Thread(target=self._heartbeats, name="flinklite-heartbeat", daemon=True).start()

    @property
    def url(self) -> str:
        return self.client.url

    # --- the Session interface -----------------------------------------------------------------

    def execute_statement(self, text: str, *, line: int = 1, column: int = 1) -> Result:
        kind = statement_kind(text)
        if kind == "CLIENT":
            return _client_command(text)
        try:
            # Script variables are the client's, so the same script runs here and locally.
            text = substitute(text, self.config.get, line=line, column=column)
            return self._execute(text, kind)
        except FlinkliteError as exc:
            _relocate(exc, text, line, column)
            raise

    def classify(self, text: str) -> str:
        return statement_kind(text)

    def describe(self) -> str:
        version = self.client.flink_version()
        return f"Flink {version} through the SQL Gateway at {self.url}"

    def wait_for_jobs(self) -> list[Any]:
        return []

    def close(self) -> None:
        """Ends running queries and the gateway session; the cluster's INSERT jobs go on."""
        if self._closed.is_set():
            return
        self._closed.set()
        for query in self._queries:
            query.cancel()
        try:
            self.client.close_session(self.handle)
        except FlinkliteError:
            pass  # the gateway is gone: so is the session

    # --- names for completion ------------------------------------------------------------------

    def table_names(self) -> list[str]:
        return self._cached("SHOW TABLES")

    def column_names(self, table: str) -> list[str] | None:
        """A table's columns (its name in any case, as the local session), None if none."""
        tables = self.table_names()
        if table not in tables:
            table = {t.lower(): t for t in tables}.get(table.lower(), "")
            if not table:
                return None
        return self._cached(f"DESCRIBE `{table.replace('`', '``')}`")

    def function_names(self) -> list[str]:
        return self._cached("SHOW FUNCTIONS")

    def _cached(self, statement: str) -> list[str]:
        """The first column of a SHOW / DESCRIBE statement's rows, asked again after a while."""
        now = time.monotonic()
        hit = self._names.get(statement)
        if hit is not None and now - hit[0] < _NAMES_TTL_S:
            return hit[1]
        try:
            _, _, rows = self._run_to_end(self.client.submit(self.handle, statement))
            names = [str(row[0]) for row in rows]
        except FlinkliteError:
            names = []
        self._names[statement] = (now, names)
        return names

    # --- statements ----------------------------------------------------------------------------

    def _execute(self, text: str, kind: str) -> Result:
        operation = self.client.submit(self.handle, text)
        try:
            page = self._ready_page(operation)
        except BaseException:  # Ctrl-C while the cluster works (an INSERT with table.dml-sync)
            self.close_operation(operation)
            raise
        if page.get("isQueryResult"):
            return self._query(operation, page)
        columns, types, rows = self._run_to_end(operation, page)
        self._names.clear()  # DDL may have changed what completion offers
        if kind in ("SET", "RESET", "USE"):
            self.config = Configuration.from_properties(self.client.properties(self.handle))
        return _result(kind, text, page, columns, types, rows)

    def _ready_page(self, operation: str) -> dict[str, Any]:
        """The first page that is not NOT_READY (it holds the columns)."""
        uri, wait = self.client.first_page_uri(self.handle, operation), _FIRST_WAIT_S
        while True:
            page = self.client.fetch(uri)
            if page.get("resultType") != "NOT_READY":
                return page
            uri = page.get("nextResultUri") or uri
            time.sleep(wait)
            wait = min(wait * 2, _MAX_WAIT_S)

    def _run_to_end(
        self, operation: str, page: dict[str, Any] | None = None
    ) -> tuple[tuple[str, ...], tuple[DataType, ...], list[tuple]]:
        """Every row of a finite result; the operation is closed afterwards."""
        try:
            if page is None:
                page = self._ready_page(operation)
            columns, types = _schema(page)
            convert = row_converter(list(types))
            rows: list[tuple] = []
            while True:
                rows += [convert(e["fields"]) for e in page.get("results", {}).get("data", [])]
                uri = page.get("nextResultUri")
                if page.get("resultType") == "EOS" or not uri:
                    return columns, types, rows
                page = self.client.fetch(uri)
                if page.get("resultType") == "NOT_READY":
                    time.sleep(_FIRST_WAIT_S)
        finally:
            self.close_operation(operation)

    def _query(self, operation: str, page: dict[str, Any]) -> ChangelogResult:
        columns, types = _schema(page)
        query = RemoteQuery(self, operation, page.get("jobID"))
        buffer = ResultBuffer()
        buffer.job = query
        self._queries = [q for q in self._queries if not q.done] + [query]
        threading.Thread(
            target=query.follow,
            args=(page, buffer, row_converter(list(types))),
            name=f"flinklite-result-{operation[:8]}",
            daemon=True,
        ).start()
        return ChangelogResult(columns, types, buffer, query, insert_only=False)

    def close_operation(self, operation: str) -> None:
        try:
            self.client.close_operation(self.handle, operation)
        except FlinkliteError:
            pass  # already closed, or the gateway has gone: nothing left to free

    def _heartbeats(self) -> None:
        while not self._closed.wait(HEARTBEAT_INTERVAL_S):
            try:
                self.client.heartbeat(self.handle)
            except FlinkliteError:
                pass  # the next statement reports an unreachable gateway


def _schema(page: dict[str, Any]) -> tuple[tuple[str, ...], tuple[DataType, ...]]:
    columns = page.get("results", {}).get("columns", [])
    names = tuple(str(c.get("name")) for c in columns)
    return names, tuple(logical_type(c.get("logicalType", {})) for c in columns)


def _result(
    kind: str,
    text: str,
    page: dict[str, Any],
    columns: tuple[str, ...],
    types: tuple[DataType, ...],
    rows: list[tuple],
) -> Result:
    """The Result a local session gives for the same statement, from the gateway's answer."""
    job_id = page.get("jobID")
    if job_id and columns == ("job id",):
        return JobSubmittedResult(str(job_id), "")
    if page.get("resultKind") == "SUCCESS":  # the gateway's `OK`
        if kind == "RESET":
            all_reset = _RESET_ALL.match(text) is not None
            return StatusResult(ALL_PROPERTIES_RESET if all_reset else PROPERTY_RESET)
        return StatusResult(STATEMENT_OK)
    if kind in ("EXPLAIN", "SHOW") and columns == ("result",) and len(rows) == 1:
        return TextResult(str(rows[0][0]))  # plans, SHOW CREATE TABLE
    return TableResult(columns, types, rows)


def _client_command(text: str) -> Result:
    command = _first_word(text)
    if command == "HELP":
        from flinklite.session import HELP_TEXT

        return HelpResult(HELP_TEXT)
    if command == "CLEAR":
        return ClearResult()
    return QuitResult()


def _relocate(exc: FlinkliteError, text: str, line: int, column: int) -> None:
    """A remote error's position counts in the statement; make it count in the script."""
    if isinstance(exc, RemoteError) and exc.pos is not None:
        p = exc.pos
        shift = column - 1
        exc.pos = Pos(
            line + p.line - 1,
            p.column + (shift if p.line == 1 else 0),
            line + p.end_line - 1 if p.end_line else 0,
            p.end_column + (shift if p.end_line == 1 else 0) if p.end_line else 0,
        )
    if exc.source is None and line == 1 and column == 1:
        exc.with_source(text)
