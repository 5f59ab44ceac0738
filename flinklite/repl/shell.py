"""The interactive SQL client behind `flinklite` on a terminal: a prompt-toolkit line editor with
history, completion and highlighting, over the same per-statement execution as `-f` scripts.

Statements end with `;` and may span lines. Results print as the script runner prints them; a
running query opens the live result view, or streams as a tableau in tableau result mode."""

from __future__ import annotations

import os
import re
import sys
from typing import Any

from flinklite import __version__
from flinklite.cli import render
from flinklite.cli.script import (
    CONTINUATION_PROMPT,
    PROMPT,
    Printer,
    SessionLike,
    execute,
)
from flinklite.results import ChangelogResult, ClearResult, JobSubmittedResult, QuitResult, Result

WELCOME = "Welcome! Enter 'HELP;' to list all available commands. 'QUIT;' to exit."
HINT = (
    "Hint: end each statement with ';'. Tab completes names, Ctrl-C cancels a running query, "
    "Ctrl-D leaves."
)
MESSAGE_RESULT_QUIT = "Result retrieval cancelled."

_RESULT_MODE = "sql-client.execution.result-mode"
# The client answers QUIT/EXIT itself, as Flink's does, so leaving never depends on the parser.
_QUIT = re.compile(r"\s*(quit|exit)\s*", re.IGNORECASE)
_YES = re.compile(r"\s*y(es)?\s*", re.IGNORECASE)


def run_shell(session: SessionLike, printer: Printer, *, history: str | None = None) -> int:
    """Read and run statements from the terminal until QUIT;, EXIT; or Ctrl-D; the exit code."""
    return Shell(session, printer, history).run()


class Shell:
    """One interactive run: the prompt, the statements it reads, the jobs whose failure it
    has already shown."""

    def __init__(self, session: SessionLike, printer: Printer, history: str | None) -> None:
        self.session = session
        self.printer = printer
        self.history_path = history
        self.prompt_session: Any = None
        # Jobs whose failure was already printed (or belongs to a statement that printed it).
        self._reported: set[str] = set()

    # --- the loop -----------------------------------------------------------------------------

    def run(self) -> int:
        history = self._history()
        self._say("")
        self._say(f"flinklite {__version__}: {self.session.describe()}.")
        self._say(WELCOME)
        self._say(HINT)
        self.prompt_session = self._prompt_session(history)
        self._warm_up_after_first_prompt()
        while True:
            self._report_failed_jobs()
            self._say("")
            try:
                text = self.prompt_session.prompt(self._prompt())
            except KeyboardInterrupt:
                continue  # Ctrl-C drops the statement being typed, never the client
            except EOFError:
                if self._may_leave():
                    break
                continue
            if text.strip() and not self._run_input(text):
                break
        self._say(render.message("INFO", render.MESSAGE_QUIT, color=self.printer.color))
        return 0

    def _run_input(self, text: str) -> bool:
        """Run every statement of one accepted input; False when the user asked to leave."""
        from flinklite.sql.splitter import split_statements

        for stmt in split_statements(text):
            if _QUIT.fullmatch(stmt.text):
                return not self._may_leave()
            try:
                result, ok = self._run_statement(stmt.text, stmt.line, stmt.column, text)
            except KeyboardInterrupt:
                self._say("")
                self._say(render.message("INFO", "Statement cancelled.", color=self.printer.color))
                return True
            if isinstance(result, QuitResult):
                return not self._may_leave()
            if not ok:
                return True  # the statements typed after a failing one are skipped
        return True

    def _run_statement(
        self, text: str, line: int, column: int, source: str
    ) -> tuple[Result | None, bool]:
        jobs = _jobs(self.session)
        before = len(jobs)
        result: Result | None = None
        try:
            result = execute(self.session, text, line, column, source, self.printer)
            if result is None:
                return None, False
            return result, self._show(result, source)
        except KeyboardInterrupt:
            # A synchronous INSERT or a query is cancelled with the statement.
            for job in jobs[before:]:
                job.cancel()
            raise
        finally:
            if not self._is_background(result):
                self._reported.update(job.id for job in jobs[before:])

    def _is_background(self, result: Result | None) -> bool:
        if not isinstance(result, JobSubmittedResult):
            return False
        return not self.session.config.get_bool("table.dml-sync")

    # --- results -------------------------------------------------------------------------------

    def _show(self, result: Result, source: str) -> bool:
        if isinstance(result, ChangelogResult):
            return self._show_query(result, source)
        if isinstance(result, QuitResult):
            return True  # the farewell is printed once the shell has decided to leave
        if isinstance(result, ClearResult):
            from prompt_toolkit.shortcuts import clear

            clear()
            return True
        return self.printer.result(self.session, result, source)

    def _show_query(self, result: ChangelogResult, source: str) -> bool:
        mode = (self.session.config.get(_RESULT_MODE) or "table").strip().lower()
        if mode in ("table", "changelog"):
            view = _live_view()
            if view is not None:
                return self._live(view, result, mode, source)
        return self._tableau(result, source)

    def _live(self, view: Any, result: ChangelogResult, mode: str, source: str) -> bool:
        try:
            view(result, mode, config=self.session.config)
        except KeyboardInterrupt:
            pass  # the view treats Ctrl-C as leaving it
        except Exception as exc:  # noqa: BLE001 - a drawing failure must not end the shell
            result.job.cancel()
            self.printer.error(self.session, exc, source)
            return False
        failed = result.job.done and result.job.error is not None
        result.job.cancel()  # leaving the view ends the query, as in Flink's client
        result.job.wait(5)
        if failed:
            self.printer.error(self.session, result.job.error, source)
            return False
        self._say(render.message("INFO", MESSAGE_RESULT_QUIT, color=self.printer.color))
        return True

    def _tableau(self, result: ChangelogResult, source: str) -> bool:
        counter = _LineCounter(self.printer.out)
        printer = Printer(counter, color=self.printer.color)
        try:
            return printer.result(self.session, result, source)
        except KeyboardInterrupt:
            # Flink's tableau view prints its footer right after the ^C the terminal echoed.
            rows = max(counter.lines - 3, 0)
            self._say(f"Query terminated, received a total of {rows} {_row_term(rows)}")
            result.job.wait(5)
            return True

    # --- jobs ----------------------------------------------------------------------------------

    def _report_failed_jobs(self) -> None:
        """Background jobs that failed since the last prompt, each reported once."""
        for job in list(_jobs(self.session)):
            if job.error is None or job.id in self._reported:
                continue
            self._reported.add(job.id)
            self._say(
                render.message(
                    "WARNING", f"Job '{job.name}' ({job.id}) failed.", color=self.printer.color
                )
            )
            self.printer.error(self.session, job.error, None)

    def _may_leave(self) -> bool:
        """True when nothing runs, or the user agrees to stop the running jobs."""
        running = [j for j in _jobs(self.session) if not j.done]
        if not running:
            return True
        count = f"{len(running)} job{'s are' if len(running) > 1 else ' is'} still running"
        from prompt_toolkit import PromptSession

        try:
            answer = PromptSession().prompt(f"{count}. Stop them and exit? [y/N] ")
        except KeyboardInterrupt:
            return False
        except EOFError:
            answer = "y"  # the terminal is gone: nobody is left to keep the jobs for
        if not _YES.fullmatch(answer):
            return False
        for job in running:
            job.cancel()
        for job in running:
            job.wait(5)
        return True

    # --- terminal ------------------------------------------------------------------------------

    def _prompt_session(self, history: Any) -> Any:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.enums import EditingMode

        from flinklite.repl.completion import SqlCompleter
        from flinklite.repl.keys import statement_bindings
        from flinklite.repl.lexer import shell_style, sql_lexer

        return PromptSession(
            history=history,
            output=_terminal_output(),
            multiline=True,
            key_bindings=statement_bindings(),
            prompt_continuation=self._continuation,
            editing_mode=EditingMode.EMACS,
            completer=SqlCompleter(self.session),
            complete_while_typing=False,
            lexer=sql_lexer() if self.printer.color else None,
            style=shell_style(self.session.config),
            include_default_pygments_style=True,
            enable_history_search=False,
            color_depth=None if self.printer.color else _monochrome(),
        )

    def _warm_up_after_first_prompt(self) -> None:
        """Loads the SQL parser in the background once the first prompt is on screen, so it
        neither delays the prompt nor the first statement typed."""
        app = self.prompt_session.app

        def start(_: Any) -> None:
            app.after_render -= start
            from flinklite.sql.parser import warm_up

            warm_up()

        app.after_render += start

    def _prompt(self) -> Any:
        if not self.printer.color:
            return PROMPT
        from prompt_toolkit.formatted_text import FormattedText

        name, _, rest = PROMPT.partition(">")
        return FormattedText([("class:prompt", name), ("", ">" + rest)])

    def _continuation(self, width: int, line_number: int, wrap_count: int) -> Any:
        # Styled, so the terminal receives the trailing space too (prompt-toolkit leaves
        # unstyled blanks at the end of a line undrawn).
        return [("class:continuation", CONTINUATION_PROMPT)]

    def _history(self) -> Any:
        """prompt-toolkit's history on the -hist file, or in memory when it cannot be written."""
        from prompt_toolkit.history import FileHistory, InMemoryHistory

        if not self.history_path:
            return InMemoryHistory()
        full = os.path.expanduser(self.history_path)
        try:
            if not os.path.exists(full):
                open(full, "a").close()
            elif not os.path.isfile(full) or not os.access(full, os.W_OK):
                raise PermissionError(full)
        except OSError:
            self._say(f"Unable to create history file: {full}")
            return InMemoryHistory()
        self._say(f"Command history file path: {full}")
        return FileHistory(full)

    def _say(self, text: str) -> None:
        self.printer.write(text)


class _LineCounter:
    """A text stream that passes writes through and counts the lines, so the shell knows how
    many rows a tableau printed when Ctrl-C stops it."""

    def __init__(self, out: Any) -> None:
        self.out = out
        self.lines = 0

    def write(self, text: str) -> int:
        self.lines += text.count("\n")
        return self.out.write(text)

    def flush(self) -> None:
        self.out.flush()


def _jobs(session: SessionLike) -> list[Any]:
    """The session's jobs, oldest first (a session without a job manager has none)."""
    manager = getattr(session, "jobs", None)
    return manager.jobs if manager is not None else []


def _row_term(n: int) -> str:
    # Flink's CliTableauResultView.getRowTerm: `0 row`, `1 row`, `2 rows`.
    return "rows" if n > 1 else "row"


def _live_view() -> Any:
    """flinklite.repl.views.run_live_view, or None where the live views are not installed."""
    try:
        from flinklite.repl.views import run_live_view
    except ImportError:
        return None
    return run_live_view


def _terminal_output() -> Any:
    """prompt-toolkit's VT100 output, minus the redundant `ESC[0m` it writes before the first
    character of every line: the terminal's text (and a transcript of it) reads as typed."""
    from prompt_toolkit.output.vt100 import Vt100_Output

    class LeanOutput(Vt100_Output):
        _plain = False  # whether the last attributes written were the terminal's defaults

        def reset_attributes(self) -> None:
            super().reset_attributes()
            self._plain = True

        def set_attributes(self, attrs: Any, color_depth: Any) -> None:
            code = self._escape_code_caches[color_depth][attrs]
            if code == _PLAIN and self._plain:
                return
            self.write_raw(code)
            self._plain = code == _PLAIN

    return LeanOutput.from_pty(sys.stdout, term=os.environ.get("TERM"))


_PLAIN = "\x1b[0m"


def _monochrome() -> Any:
    from prompt_toolkit.output import ColorDepth

    return ColorDepth.MONOCHROME
