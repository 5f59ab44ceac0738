"""The `flinklite` command: the Flink SQL client's flags (-f, -i, -D, -hist, ...) and subcommands.

Kept import-light so `flinklite --version` and a tiny `-f` script start fast; the session loads lazily."""

from __future__ import annotations

import argparse
import importlib
import signal
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from flinklite import __version__
from flinklite.cli.conventions import (
    DEFAULT_HISTORY,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    key_value,
    silence_stdout,
)

if TYPE_CHECKING:
    from flinklite.cli.script import Printer

# Subcommands: name -> ("module:function", one-line summary). The function takes the remaining
# arguments and returns an exit code; it is imported only when its subcommand runs. A name here
# shadows a script path of the same name only as the first argument (`flinklite -f datagen` works).
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "datagen": (
        "flinklite.cli.datagen_cmd:main",
        "produce the StreamsHub tutorial data sets into Kafka",
    ),
    "topic": ("flinklite.cli.topic_cmd:main", "tail: print a Kafka topic's records decoded"),
    "tutorial": (
        "flinklite.cli.tutorial_cmd:main",
        "guided walkthroughs: flinklite tutorial anomaly-detection",
    ),
    "registry": (
        "flinklite.cli.registry_cmd:main",
        "run a Confluent-compatible schema registry on loopback",
    ),
    "check": (
        "flinklite.cli.check_cmd:main",
        "what in a script Flink 2.3 would reject or run differently",
    ),
}


class Terminated(BaseException):
    """Raised from the SIGTERM handler so `finally` blocks still close the session."""


def build_parser() -> argparse.ArgumentParser:
    epilog = "\n".join(
        f"  flinklite {name:<10} {summary}" for name, (_, summary) in SUBCOMMANDS.items()
    )
    parser = argparse.ArgumentParser(
        prog="flinklite",
        description="flinklite: Flink SQL on one machine, in pure Python. Without -f it starts "
        "the interactive SQL client (or runs the script piped to stdin).",
        epilog=("subcommands:\n" + epilog) if epilog else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "mode",
        nargs="?",
        choices=["embedded", "gateway"],
        help=argparse.SUPPRESS,  # Flink's `sql-client.sh embedded|gateway`
    )
    parser.add_argument(
        "--gateway",
        "-e",
        "--endpoint",
        dest="gateway",
        metavar="URL",
        help="run every statement on a Flink cluster through its SQL Gateway at URL "
        "(host:port or http://host:port), as `sql-client.sh gateway --endpoint` does",
    )
    parser.add_argument("-f", "--file", metavar="SCRIPT", help="execute a SQL script, then exit")
    parser.add_argument(
        "-i",
        "--init",
        metavar="FILE",
        help="init script run before the session starts (DDL, USE, SET, RESET only)",
    )
    parser.add_argument(
        "-D",
        dest="conf",
        metavar="key=value",
        action="append",
        default=[],
        type=key_value,
        help="session configuration, like SET 'key' = 'value' (repeatable; -Dkey=value works too)",
    )
    parser.add_argument(
        "-hist",
        "--history",
        metavar="FILE",
        help=f"history file of the interactive client (default {DEFAULT_HISTORY})",
    )
    parser.add_argument("-s", "--session", metavar="ID", help="session identifier (ignored)")
    parser.add_argument(
        "-j",
        "--jar",
        metavar="JAR",
        action="append",
        default=[],
        help="a JAR for the session: added to the remote session with --gateway (ADD JAR); "
        "locally ignored, flinklite runs no JVM",
    )
    parser.add_argument("--version", action="version", version=f"flinklite {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in SUBCOMMANDS:
        target, _ = SUBCOMMANDS[args_list[0]]
        module, _, func = target.partition(":")
        runner: Callable[[list[str]], int] = getattr(importlib.import_module(module), func)
        return runner(args_list[1:])
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.mode == "gateway" and not args.gateway:
        parser.error("gateway mode needs the SQL Gateway's address: --endpoint host:port")
    for jar in [] if args.gateway else args.jar:
        print(
            f"[WARNING] flinklite runs no JVM and cannot load JARs; ignoring '{jar}'.",
            file=sys.stderr,
        )
    return _run_client(args)


def _run_client(args: argparse.Namespace) -> int:
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    session = None
    from flinklite.cli.script import terminal_printer

    printer = terminal_printer()
    try:
        script, from_file = None, True
        if args.file is not None:
            script = _read(args.file)
            if script is None:
                return EXIT_FAILED
        elif not _stdin_is_tty():
            script, from_file = _read_stdin(), False
            if script is None:
                return EXIT_FAILED
        init_text = None
        if args.init is not None:
            init_text = _read(args.init)
            if init_text is None:
                return EXIT_FAILED
        session = _new_session(dict(args.conf), printer, args.gateway)
        if session is None:
            return EXIT_FAILED
        from flinklite.cli import script as runner

        # On a cluster, -j JAR adds the jar to the remote session, as Flink's client does.
        jars = "".join(f"ADD JAR '{jar.replace(chr(39), chr(39) * 2)}';\n" for jar in args.jar)
        if args.gateway and jars and not runner.run_init(session, jars, "-j", printer):
            return EXIT_FAILED

        if init_text is not None and not runner.run_init(session, init_text, args.init, printer):
            return EXIT_FAILED
        if script is None:
            return _run_shell(session, printer, args.history or DEFAULT_HISTORY)
        succeeded = runner.run_script(session, script, printer, from_file=from_file)
        # (A query refused after its job started has been cancelled: it is not one of them.)
        running = [
            job for job in getattr(session.jobs, "jobs", ()) if not job.done and not job.cancelling
        ]
        if not succeeded and running:
            # On a cluster the INSERT jobs submitted before the failure go on after the client
            # exits; here they run in this process, so it waits for them rather than dropping
            # what they would still write.
            from flinklite.cli import render

            render_info = render.message(
                "INFO",
                f"{len(running)} job(s) submitted before the failing statement keep running, as "
                "on a Flink cluster; flinklite waits for them to end (Ctrl-C stops them).",
                color=printer.color,
            )
            _say(printer, render_info)
        # A script is a standalone job: it ends when the jobs it started end.
        failed = session.wait_for_jobs()
        if not succeeded:  # the failing statement's own job has reported already
            failed = [job for job in failed if job in running]
        for job in failed:
            printer.error(session, job.error, None)
        return EXIT_FAILED if failed or not succeeded else EXIT_OK
    except KeyboardInterrupt:
        _say(printer, "")
        return EXIT_INTERRUPTED
    except Terminated:
        return EXIT_TERMINATED
    except BrokenPipeError:
        silence_stdout()  # `flinklite -f x.sql | head`: the reader left, so stop quietly
        return EXIT_FAILED
    except Exception as exc:  # a flinklite bug outside any statement: still no raw traceback
        printer.error(session, exc, None)
        return EXIT_FAILED
    finally:
        if session is not None:
            _close(session)
        signal.signal(signal.SIGTERM, previous)


def _run_shell(session: Any, printer: Printer, history: str) -> int:
    # The line editor draws on the terminal, so it needs one on both ends; typing into a
    # redirected stdout gets the line-based client.
    if _stdout_is_tty():
        from flinklite.repl.shell import run_shell
    else:
        from flinklite.cli.basic_shell import run_shell
    return run_shell(session, printer, history=history)


def _on_sigterm(signum: int, frame: Any) -> NoReturn:
    raise Terminated


def _new_session(conf: dict[str, str], printer: Printer, gateway: str | None = None) -> Any:
    from flinklite.errors import FlinkliteError

    try:
        if gateway is not None:
            from flinklite.gateway.session import RemoteSession

            return RemoteSession(gateway, conf)
        from flinklite.session import Session

        return Session(conf or None)
    except FlinkliteError as exc:  # a bad -D value, or no gateway at the address
        printer.error(None, exc, None)
        return None
    except ImportError as exc:  # an incomplete installation, not a user mistake
        printer.error(None, exc, None)
        return None


def _close(session: Any) -> None:
    # A second Ctrl-C while jobs shut down must not print a traceback either.
    try:
        session.close()
    except (KeyboardInterrupt, Terminated):
        pass
    except BrokenPipeError:
        silence_stdout()


def _say(printer: Printer, text: str) -> None:
    try:
        printer.write(text)
    except (BrokenPipeError, ValueError):
        pass


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"[ERROR] Could not read SQL file '{path}': {reason}", file=sys.stderr)
        return None
    except UnicodeDecodeError as exc:
        print(
            f"[ERROR] Could not read SQL file '{path}': not UTF-8 ({exc.reason})", file=sys.stderr
        )
        return None


def _stdin_is_tty() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except ValueError:  # stdin closed
        return False


def _stdout_is_tty() -> bool:
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except ValueError:  # stdout closed
        return False


def _read_stdin() -> str | None:
    try:
        # Decoded by hand so a bad byte is an error message; newlines as text mode reads them.
        return sys.stdin.buffer.read().decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        print(f"[ERROR] Could not read SQL from stdin: not UTF-8 ({exc.reason})", file=sys.stderr)
        return None


if __name__ == "__main__":
    raise SystemExit(main())
