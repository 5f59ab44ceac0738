"""`flinklite tutorial`: lists the guided walkthroughs; `flinklite tutorial NAME` runs one, on
the built-in generator (the default) or on a Kafka broker and schema registry."""

from __future__ import annotations

import argparse
import os
import sys

from flinklite.cli.conventions import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE

# name -> (module with TITLE and SUMMARY, one line); the anomaly-detection one is the first.
WALKTHROUGHS = {"anomaly-detection": "flinklite.tutorial.anomaly_detection"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flinklite tutorial",
        description="A guided, step-by-step walkthrough in the terminal: each step explains, "
        "shows its SQL, runs it live and waits. Without NAME, lists the walkthroughs.",
    )
    parser.add_argument("name", nargs="?", metavar="NAME", help="the walkthrough to run")
    parser.add_argument(
        "--bootstrap-servers",
        metavar="HOST:PORT",
        help="run on this Kafka broker (with --registry); flinklite produces the sales for you",
    )
    parser.add_argument(
        "--registry", metavar="URL", help="the schema registry's URL, for --bootstrap-servers"
    )
    parser.add_argument(
        "--non-interactive",
        action="store_true",
        help="run every step in turn without waiting, then exit (for demos and tests)",
    )
    parser.add_argument(
        "--step-seconds",
        type=float,
        default=None,
        help="how long a step's query runs at most (default 20 s; on Kafka queries never end)",
    )
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.name is None:
        import importlib

        print("Walkthroughs (run one with: flinklite tutorial NAME):")
        for name, module in WALKTHROUGHS.items():
            print(f"  {name:<20} {importlib.import_module(module).SUMMARY}")
        return EXIT_OK
    if args.name not in WALKTHROUGHS:
        print(
            f"[ERROR] No walkthrough named '{args.name}'; there is: {', '.join(WALKTHROUGHS)}.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if (args.bootstrap_servers is None) != (args.registry is None):
        print(
            "[ERROR] --bootstrap-servers and --registry go together: the tutorial's sales are "
            "Avro, their schemas in the registry (start one with: flinklite registry).",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    from rich.console import Console

    from flinklite.errors import FlinkliteError
    from flinklite.session import Session
    from flinklite.tutorial.walkthrough import Source, Walkthrough

    console = Console(highlight=False)
    session = Session({"table.local-time-zone": "UTC"})
    source = Source(args.bootstrap_servers, args.registry)
    interactive = not args.non_interactive and sys.stdin.isatty() and sys.stdout.isatty()
    try:
        source.start(lambda text: console.print(text, style="dim"))
        walk = Walkthrough(
            console,
            session,
            source,
            interactive=interactive,
            step_seconds=args.step_seconds or 20.0,
            **(_interactive_hooks(console) if interactive else {}),
        )
        return walk.run()
    except FlinkliteError as exc:
        console.print(f"[ERROR] {exc.message}", style="red")
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    finally:
        source.stop()
        session.close()


def _interactive_hooks(console) -> dict:
    """The prompts: a one-line choice, an editor for the step's SQL, the shell."""
    from prompt_toolkit import prompt
    from prompt_toolkit.lexers import PygmentsLexer
    from pygments.lexers.sql import SqlLexer

    def ask(text: str) -> str:
        try:
            return prompt(text)
        except EOFError:
            return "q"

    def edit(sql: str) -> str | None:
        console.print("Edit the SQL; Esc then Enter runs it, Ctrl-C keeps the step's.")
        try:
            return prompt("", default=sql, multiline=True, lexer=PygmentsLexer(SqlLexer))
        except (KeyboardInterrupt, EOFError):
            return None

    def shell(session) -> None:
        from flinklite.cli.conventions import DEFAULT_HISTORY
        from flinklite.cli.script import terminal_printer
        from flinklite.repl.shell import run_shell

        console.print("The shell, with the walkthrough's tables. QUIT; comes back here.")
        run_shell(session, terminal_printer(), history=os.path.expanduser(DEFAULT_HISTORY))

    return {"ask": ask, "edit": edit, "shell": shell}
