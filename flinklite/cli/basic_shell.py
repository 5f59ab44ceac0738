"""A minimal line-based interactive SQL client: prompt, multi-line statements ended by `;`.

Used when stdin is a terminal but stdout is not (`flinklite > out.txt`), where the prompt-toolkit
shell cannot draw; Ctrl-C clears the input, Ctrl-D / QUIT; leaves."""

from __future__ import annotations

import os
import re

from flinklite.cli import render
from flinklite.cli.script import CONTINUATION_PROMPT, PROMPT, Printer, SessionLike, run_statement
from flinklite.results import QuitResult

WELCOME = "Welcome! Enter 'HELP;' to list all available commands. 'QUIT;' to exit."

# The client answers QUIT/EXIT itself, as Flink's does, so leaving never depends on the parser.
_QUIT = re.compile(r"\s*(quit|exit)\s*", re.IGNORECASE)


def run_shell(session: SessionLike, printer: Printer, *, history: str | None = None) -> int:
    """Read statements from the terminal until QUIT;, EXIT; or Ctrl-D; returns the exit code."""
    from flinklite.sql.splitter import is_complete, split_statements

    history_path = _open_history(history, printer)
    printer.write("")
    printer.write(WELCOME)
    buffer: list[str] = []
    try:
        while True:
            if not buffer:
                printer.write("")
            try:
                line = input(CONTINUATION_PROMPT if buffer else _prompt(printer))
            except KeyboardInterrupt:
                printer.write("")  # Ctrl-C drops the statement being typed, never the client
                buffer.clear()
                continue
            except EOFError:
                printer.write("")
                break
            buffer.append(line)
            text = "\n".join(buffer)
            if not text.strip():
                buffer.clear()
                continue
            if not is_complete(text):
                continue
            buffer.clear()
            for stmt in split_statements(text):
                if _QUIT.fullmatch(stmt.text):
                    printer.write(render.message("INFO", render.MESSAGE_QUIT, color=printer.color))
                    return 0
                try:
                    result = run_statement(
                        session, stmt.text, stmt.line, stmt.column, text, printer
                    )
                except KeyboardInterrupt:
                    printer.write("")
                    printer.write(
                        render.message("INFO", "Statement cancelled.", color=printer.color)
                    )
                    break
                if isinstance(result, QuitResult):
                    return 0
                if result is None:
                    break  # the statements typed after a failing one on the same input are skipped
    finally:
        _save_history(history_path)
    printer.write(render.message("INFO", render.MESSAGE_QUIT, color=printer.color))
    return 0


def _prompt(printer: Printer) -> str:
    # Flink shows "Flink SQL" in green; readline needs \001..\002 around non-printing bytes.
    if printer.color:
        return "\001\x1b[32m\002flinklite\001\x1b[0m\002> "
    return PROMPT


def _open_history(path: str | None, printer: Printer) -> str | None:
    if not path:
        return None
    try:
        import readline  # line editing for input(); absent on some platforms
    except ImportError:
        return None
    full = os.path.expanduser(path)
    try:
        if os.path.exists(full):
            readline.read_history_file(full)
        else:
            open(full, "a").close()
    except OSError:
        printer.write(f"Unable to create history file: {full}")
        return None
    printer.write(f"Command history file path: {full}")
    return full


def _save_history(path: str | None) -> None:
    if path is None:
        return
    try:
        import readline

        readline.write_history_file(path)
    except (ImportError, OSError):
        pass
