"""`flinklite topic tail TOPIC`: a topic's records decoded, one per line, what the tutorials
do with kafka-console-consumer (text, JSON, or Avro through the schema registry)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from flinklite.cli.conventions import EXIT_FAILED, EXIT_OK, EXIT_USAGE, silence_stdout

DEFAULT_BOOTSTRAP = "localhost:9092"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="flinklite topic", description="Look at Kafka topics.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    tail = commands.add_parser(
        "tail",
        help="print a topic's records, one per line",
        description="Print a topic's records decoded, one per line, until Ctrl-C, --max "
        "records, or (with --exit-at-end) the end of the topic. Undecodable records are "
        "reported on stderr and skipped.",
    )
    tail.add_argument("topic", metavar="TOPIC")
    tail.add_argument(
        "--bootstrap-servers",
        default=DEFAULT_BOOTSTRAP,
        help=f"Kafka bootstrap servers (default {DEFAULT_BOOTSTRAP})",
    )
    tail.add_argument(
        "--format",
        choices=("csv", "json", "avro-confluent", "raw"),
        default="raw",
        help="how values are decoded (default raw: the bytes as UTF-8 text)",
    )
    tail.add_argument(
        "--registry", metavar="URL", help="schema registry URL, for --format avro-confluent"
    )
    tail.add_argument(
        "--from-beginning",
        action="store_true",
        help="start at the first record of each partition (default: only new records)",
    )
    tail.add_argument("--max", type=int, metavar="N", help="stop after N records")
    tail.add_argument(
        "--key", action="store_true", help="print each record's key, then a tab, then its value"
    )
    tail.add_argument(
        "--exit-at-end",
        action="store_true",
        help="stop once every partition is read up to its end",
    )
    tail.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        help="seconds to wait for the brokers before giving up (default 10)",
    )
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.max is not None and args.max < 0:
        print("[ERROR] --max must not be negative.", file=sys.stderr)
        return EXIT_USAGE
    from flinklite.errors import FlinkliteError
    from flinklite.kafka.tail import TailOptions, TopicTail

    def bad(message: str) -> None:
        print(f"[WARNING] {message}", file=sys.stderr, flush=True)

    tail: Any = None
    try:
        tail = TopicTail(
            TailOptions(
                topic=args.topic,
                bootstrap_servers=args.bootstrap_servers,
                format=args.format,
                registry_url=args.registry,
                from_beginning=args.from_beginning,
                max_records=args.max,
                with_key=args.key,
                exit_at_end=args.exit_at_end,
                connect_timeout_s=args.timeout,
            ),
            bad,
        )
        tail.open()
        out = sys.stdout
        for line in tail.lines():
            out.write(line + "\n")
            out.flush()
    except KeyboardInterrupt:
        pass  # Ctrl-C is how a tail normally ends
    except BrokenPipeError:
        silence_stdout()  # `flinklite topic tail t | head`: the reader left
    except FlinkliteError as exc:
        print(f"[ERROR] {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        if tail is not None:
            try:
                tail.close()
            except KeyboardInterrupt:
                pass
    count = tail.count if tail is not None else 0
    print(f"Processed a total of {count} messages", file=sys.stderr)
    return EXIT_OK
