"""A pseudo-terminal driving the real `python -m flinklite` shell, for the shell's specifications.

Output is read with ANSI control sequences removed, so tests match what a user sees."""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pexpect
import pytest

ROOT = Path(__file__).resolve().parents[2]
PROMPT = "flinklite> "
ERROR = "[ERROR] Could not execute SQL statement. Reason:"

# CSI sequences (cursor moves, colours, modes), OSC titles, and backspaces.
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[=>]|\x08")


def pytest_collection_modifyitems(config, items):
    """Tests that drive a real terminal carry the `terminal` marker (slow: one Python process
    and a pseudo-terminal each); `-m "not terminal"` leaves them out of a quick run."""
    for item in items:
        if {"terminal", "command"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.terminal)


def plain(text: str) -> str:
    return _CONTROL.sub("", text).replace("\r", "")


class Terminal:
    """`flinklite` in a 40x160 terminal. `conf` becomes -D options; tableau is the default
    result mode so queries print into the scrollback where the tests can read them."""

    def __init__(
        self,
        home: Path,
        *args: str,
        history: Path | None = None,
        timeout: float = 15,
        shell: bool = True,
    ) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("FLINKLITE_DEBUG", "NO_COLOR")}
        env.update(
            HOME=str(home),  # the default history file must not land in the real home folder
            # ... but the compiled grammar is shared, or every shell would compile it again.
            XDG_CACHE_HOME=os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache"),
            TERM="xterm",
            NO_COLOR="1",
            # pexpect's terminal never answers prompt-toolkit's cursor-position request.
            PROMPT_TOOLKIT_NO_CPR="1",
            PYTHONIOENCODING="utf-8",
        )
        # The shell gets its own history file; a subcommand (`flinklite tutorial ...`) runs as is.
        history_args = ["-hist", str(history or home / "history")] if shell else []
        argv = ["-m", "flinklite", *history_args, *args]
        self.started = time.monotonic()
        self.child = pexpect.spawn(
            sys.executable,
            argv,
            cwd=str(ROOT),
            env=env,
            encoding="utf-8",
            dimensions=(40, 160),
            timeout=timeout,
        )
        self.seen = ""

    def expect(self, pattern: str, *, regex: bool = False) -> str:
        """Waits for `pattern` in the output; returns the plain text up to and including it."""
        target = pattern if regex else re.escape(pattern)
        self.child.expect(target)
        text = plain(self.child.before + self.child.after)
        self.seen += text
        return text

    def prompt(self) -> str:
        return self.expect(PROMPT)

    def continuation(self) -> str:
        """Waits for the `> ` prompt of a statement's next line (drawn as `>` then a cursor move)."""
        return self.expect(r"\n(?:\x1b\[[0-9;?]*[A-Za-z])*>", regex=True)

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def line(self, text: str) -> None:
        self.child.send(text + "\r")

    def run(self, statement: str, until: str) -> str:
        """Types a statement, waits for `until` and the next prompt; the output in between."""
        self.line(statement)
        out = self.expect(until)
        return out + self.prompt()

    def quit(self) -> int:
        self.line("QUIT;")
        self.expect("Exiting flinklite SQL client...")
        return self.wait()

    def wait(self) -> int:
        self.child.expect(pexpect.EOF)
        self.child.close()
        return self.child.exitstatus

    def close(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    """Starts shells in a pseudo-terminal (tableau result mode unless given -D options) and
    kills any a test leaves running."""
    started: list[Terminal] = []

    def start(*args: str, history: Path | None = None) -> Terminal:
        if not any(a.startswith("sql-client.execution.result-mode=") for a in args):
            args = ("-D", "sql-client.execution.result-mode=tableau", *args)
        term = Terminal(tmp_path, *args, history=history)
        started.append(term)
        term.prompt()
        return term

    yield start
    for term in started:
        term.close()


@pytest.fixture
def command(tmp_path: Path) -> Iterator[Callable[..., Terminal]]:
    """Starts `flinklite ARGS` (a subcommand such as `tutorial`) in a pseudo-terminal."""
    started: list[Terminal] = []

    def start(*args: str, timeout: float = 60) -> Terminal:
        term = Terminal(tmp_path, *args, timeout=timeout, shell=False)
        started.append(term)
        return term

    yield start
    for term in started:
        term.close()
