"""Runs SQL scripts as the Flink SQL client does for `-f` (echo, result, stop at the first error)
and `-i` (silent; only DDL, USE, SET and RESET); the shell reuses the per-statement printing."""

from __future__ import annotations

import os
import sys
import traceback
from dataclasses import dataclass
from typing import Any, Protocol, TextIO

from flinklite.cli import render
from flinklite.errors import FlinkliteError, Pos
from flinklite.results import (
    ChangelogResult,
    ClearResult,
    HelpResult,
    JobSubmittedResult,
    QuitResult,
    Result,
    StatusResult,
    TextResult,
)

PROMPT = "flinklite> "
CONTINUATION_PROMPT = "> "

# What Flink's init mode (SqlClient -i, the gateway's configure-session) accepts. LOAD/UNLOAD
# MODULE and ADD JAR are kinds a remote session reports (`-j JAR` sends ADD JAR to it).
INIT_KINDS = frozenset({"DDL", "USE", "SET", "RESET", "LOAD", "UNLOAD", "ADD JAR"})

# In a script Flink can only print a query in tableau mode and refuses the others.
_RESULT_MODE = "sql-client.execution.result-mode"
_NON_INTERACTIVE_QUERY = (
    "In non-interactive mode, it only supports to use TABLEAU as value of {key} when execute "
    "query. Please add 'SET {key}=TABLEAU;' in the sql file."
)


class SessionLike(Protocol):
    """What the runners need from flinklite.session.Session."""

    config: Any

    def execute_statement(self, text: str, *, line: int = 1, column: int = 1) -> Result: ...

    def classify(self, text: str) -> str: ...

    def describe(self) -> str: ...


class SqlExecutionError(FlinkliteError):
    """A statement the client itself refuses (named like Flink's client-side exception)."""

    kind = "SqlExecutionException"


@dataclass(slots=True)
class Printer:
    """Where and how results are written: the stream, colour, and the session's display options."""

    out: TextIO
    color: bool = False

    def write(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def result(self, session: SessionLike, result: Result, source: str | None = None) -> bool:
        """Prints a result; a running query streams until its job ends. False when the job
        failed (its error is printed after the rows it produced)."""
        config = getattr(session, "config", None)
        if isinstance(result, ChangelogResult):
            return self._changelog(session, result, source)
        text = render.render_result(
            result,
            max_width=render.max_column_width(config),
            time_zone=render.local_time_zone(config) if _needs_zone(result) else None,
            color=self.color,
        )
        if text:
            self.write(text)
        return True

    def _changelog(self, session: SessionLike, result: ChangelogResult, source: str | None) -> bool:
        config = getattr(session, "config", None)
        width = render.max_column_width(config)
        zone = render.local_time_zone(config) if _needs_zone(result) else None
        batch = (config.get("execution.runtime-mode") or "").lower() == "batch" if config else False
        try:
            if batch:
                self.write(render.batch_tableau(result, max_width=width, time_zone=zone))
            else:
                for line in render.stream_tableau(result, max_width=width, time_zone=zone):
                    self.write(line)
        except FlinkliteError as exc:
            self.error(session, exc, source)
            return False
        except KeyboardInterrupt:
            result.job.cancel()
            raise
        return True

    def error(
        self,
        session: SessionLike | None,
        exc: BaseException,
        source: str | None,
        statement: str | None = None,
    ) -> None:
        """Flink's `[ERROR] Could not execute SQL statement. Reason:` report. A FlinkliteError
        shows its message, position, caret and hint; anything else its class and message, plus
        the traceback when verbose. `source` is the script the position counts in; `statement`
        the text that was executed, which the session may have attached instead."""
        if isinstance(exc, FlinkliteError):
            # Positions count from the script's start, so the caret line must come from the
            # script, also when the parser attached only the statement's own text.
            if source is not None and (exc.source is None or exc.source == statement):
                exc.source = source
            self.write(render.error_message(exc.kind, exc.render(), color=self.color))
            if verbose(session):  # Flink's client prints the full trace for every error
                self.write("".join(traceback.format_exception(exc)).rstrip("\n"))
            return
        detail = str(exc) or "(no message)"
        self.write(render.error_message(type(exc).__name__, detail, color=self.color))
        if verbose(session):
            self.write("".join(traceback.format_exception(exc)).rstrip("\n"))


def _needs_zone(result: Result) -> bool:
    types = getattr(result, "types", ())
    return any(t.root == "TIMESTAMP_LTZ" for t in types)


def verbose(session: SessionLike | None) -> bool:
    """Tracebacks for unexpected failures: `SET 'sql-client.verbose' = 'true'` or FLINKLITE_DEBUG=1."""
    if os.environ.get("FLINKLITE_DEBUG", "") not in ("", "0"):
        return True
    config = getattr(session, "config", None)
    try:
        value = config.get("sql-client.verbose") if config is not None else None
    except Exception:
        return False
    return str(value).strip().lower() == "true"


def execute(
    session: SessionLike, text: str, line: int, column: int, source: str, printer: Printer
) -> Result | None:
    """Execute one statement; print its error and return None when it fails."""
    try:
        return session.execute_statement(text, line=line, column=column)
    except FlinkliteError as exc:
        printer.error(session, exc, source, text)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # a flinklite bug: report it like Flink would, never crash the client
        printer.error(session, exc, source)
    return None


def run_statement(
    session: SessionLike, text: str, line: int, column: int, source: str, printer: Printer
) -> Result | None:
    """Execute one statement and print its result or error; None when it failed."""
    result = execute(session, text, line, column, source, printer)
    if result is not None and not printer.result(session, result, source):
        return None
    return result


def run_script(
    session: SessionLike, script: str, printer: Printer, *, from_file: bool = True
) -> bool:
    """Run every statement of `script` in order like Flink's `-f`: echo each after the prompt,
    print its result, stop at the first failure. True when all succeeded (or QUIT ended it)."""
    from flinklite.sql.splitter import split_statements

    if from_file:
        printer.write(render.message("INFO", render.MESSAGE_EXECUTE_FILE, color=printer.color))
    for stmt in split_statements(script):
        printer.write("")  # Flink leaves a blank line before each prompt
        printer.write(f"{PROMPT}{stmt.text};")
        result = execute(session, stmt.text, stmt.line, stmt.column, script, printer)
        if result is None:
            return False
        # Like Flink, a query runs first (so its own errors win) and is refused afterwards when
        # the result mode cannot be printed without a terminal.
        if _may_be_query(result) and not _tableau(session) and _is_query(session, stmt.text):
            _close(result)
            refusal = SqlExecutionError(
                _NON_INTERACTIVE_QUERY.format(key=_RESULT_MODE), pos=Pos(stmt.line, stmt.column)
            )
            printer.error(session, refusal, script)
            return False
        if not printer.result(session, result, script):
            return False
        if isinstance(result, QuitResult):
            break
    return True


def _may_be_query(result: Result) -> bool:
    # Messages and plans never come from a query; skip classify's second parse for them.
    return not isinstance(
        result,
        StatusResult | TextResult | HelpResult | JobSubmittedResult | QuitResult | ClearResult,
    )


def _is_query(session: SessionLike, text: str) -> bool:
    try:
        return session.classify(text) == "QUERY"
    except FlinkliteError:
        return False


def _tableau(session: SessionLike) -> bool:
    mode = session.config.get(_RESULT_MODE) or "TABLE"
    return mode.strip().upper() == "TABLEAU"


def _close(result: Result) -> None:
    if isinstance(result, ChangelogResult):  # a query's result owns its running job
        result.job.cancel()


def run_init(session: SessionLike, script: str, path: str, printer: Printer) -> bool:
    """Run an init file silently (Flink logs it); only DDL, USE, SET and RESET are allowed.
    The first failure or disallowed statement is printed and ends the run with False."""
    from flinklite.sql.splitter import split_statements

    for stmt in split_statements(script):
        try:
            kind: str | None = session.classify(stmt.text)
        except FlinkliteError:
            kind = None  # executing reports it, with positions counted in the init file
        if kind is not None and kind not in INIT_KINDS:
            refusal = SqlExecutionError(
                f"Unsupported statement in init file '{path}': a {kind} statement is not "
                "allowed; an init file may only contain DDL, USE, SET and RESET statements.",
                pos=Pos(stmt.line, stmt.column),
            )
            printer.error(session, refusal, script)
            return False
        if execute(session, stmt.text, stmt.line, stmt.column, script, printer) is None:
            return False
    return True


def terminal_printer() -> Printer:
    """A Printer on stdout, in colour when it is a terminal that wants colour (not NO_COLOR,
    not TERM=dumb)."""
    color = (
        sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    )
    return Printer(sys.stdout, color=color)
