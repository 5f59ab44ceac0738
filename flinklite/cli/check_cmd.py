"""`flinklite check SCRIPT`: what in a script Flink 2.3 would reject or run differently, with
line and column and what to write instead, before the script moves to a cluster.

Every statement is parsed, bound and planned by flinklite (tables, SET and USE take effect so
later statements check against them); no job runs and nothing is read or written."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from flinklite.cli.conventions import EXIT_FAILED, EXIT_OK, EXIT_USAGE, key_value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flinklite check",
        description="Report what a SQL script uses that Flink 2.3 would reject or treat "
        "differently: flinklite's extensions (MATCH_RECOGNIZE beyond Flink's, its built-in "
        "generator connector, script variables) and Flink 2.3's rule that an INSERT into a "
        "table with a primary key needs ON CONFLICT unless the query is keyed by it. Exit "
        "status 0: nothing found; 1: findings; 2: the script could not be read.",
    )
    parser.add_argument("script", metavar="SCRIPT", help="the .sql file to check")
    parser.add_argument(
        "-D",
        dest="conf",
        metavar="key=value",
        action="append",
        default=[],
        type=key_value,
        help="session configuration, as for `flinklite -D` (script variables, runtime mode)",
    )
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        with open(args.script, encoding="utf-8") as f:
            script = f.read()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"[ERROR] Could not read SQL file '{args.script}': {exc}", file=sys.stderr)
        return EXIT_USAGE
    conf = dict(args.conf)
    findings = check_script(script, conf)
    for finding in findings:
        where = f"{finding.pos.line}:{finding.pos.column}" if finding.pos else "-"
        print(f"{args.script}:{where}: {finding.problem}.")
        print(f"    instead: {finding.instead}.")
    if findings:
        count = f"{len(findings)} finding{'s' if len(findings) > 1 else ''}"
        print(f"{count}: Flink 2.3 would not run this script as written.")
        return EXIT_FAILED
    print("No findings: nothing in this script is flinklite's own; it is Flink 2.3's SQL.")
    return EXIT_OK


def check_script(script: str, conf: dict[str, str] | None = None) -> list[Any]:
    """The findings of every statement of `script`, in order."""
    from flinklite.errors import FlinkliteError
    from flinklite.planner.portability import Finding
    from flinklite.session import Session
    from flinklite.sql.parser import parse_statement
    from flinklite.sql.splitter import split_statements
    from flinklite.sql.variables import substitute, variable_uses

    session = Session(conf or None)
    findings: list[Finding] = []
    for st in split_statements(script):
        for name, pos in variable_uses(st.text, line=st.line, column=st.column):
            findings.append(
                Finding(
                    pos,
                    f"${{{name}}} is a flinklite script variable; Flink's SQL client does not "
                    "replace it",
                    "keep it when the script runs with `flinklite --gateway` (flinklite "
                    "replaces it before Flink sees the statement); for Flink's own "
                    "sql-client.sh write its value",
                )
            )
        try:
            text = substitute(st.text, session.config.get, line=st.line, column=st.column)
            statement = parse_statement(text, line=st.line, column=st.column)
            findings += session.portability(statement)
        except FlinkliteError as exc:
            findings.append(
                Finding(
                    exc.pos or _start(st),
                    f"flinklite refuses this statement, so it cannot check it: "
                    f"{exc.message.splitlines()[0]}",
                    "correct it first (`flinklite -f` shows the whole error)",
                )
            )
    return findings


def _start(st: Any) -> Any:
    from flinklite.errors import Pos

    return Pos(st.line, st.column)
