"""`flinklite datagen`: the StreamsHub tutorial data generator producing into Kafka, the way
its deployment in the tutorials does (topics, batches, pauses, keys, CSV or Avro)."""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
from typing import Any

from flinklite.cli.conventions import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE

DEFAULT_BOOTSTRAP = "localhost:9092"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flinklite datagen",
        description="Produce the StreamsHub tutorial data sets into Kafka as the StreamsHub "
        "data generator does: topics flink.sales.records, flink.click.streams and "
        "flink.international.sales.records (created with a one-hour retention when missing); "
        "each cycle sends a batch of every data set (100 sales, 1 click, 1 international sale) "
        "and pauses a second. Values are CSV, or Avro framed for the schema registry (magic "
        "byte, 4-byte schema id) when --registry is given.",
    )
    parser.add_argument(
        "data",
        nargs="+",
        metavar="DATA",
        help="data sets in sending order: sales, clickStream, internationalSales "
        "(several, or one comma-separated list as the generator's DATA variable)",
    )
    parser.add_argument(
        "--bootstrap-servers",
        default=DEFAULT_BOOTSTRAP,
        help=f"Kafka bootstrap servers (default {DEFAULT_BOOTSTRAP})",
    )
    parser.add_argument(
        "--registry",
        metavar="URL",
        help="Confluent-compatible schema registry (e.g. Apicurio's .../apis/ccompat/v6): "
        "write Avro, each schema registered under <topic>-value",
    )
    parser.add_argument(
        "--rate",
        type=float,
        default=1.0,
        help="cycles per second (default 1: 100 sales, then a 1 s pause)",
    )
    parser.add_argument("--count", type=int, help="stop after this many records in all")
    parser.add_argument("--seed", type=int, help="seed of the random generators")
    parser.add_argument(
        "--simulated-clock",
        action="store_true",
        help="no pauses: record timestamps and keys advance as the generator's clock does",
    )
    parser.add_argument(
        "--start-time",
        metavar="ISO",
        help="where the simulated clock starts, e.g. 2025-06-15T12:00:00Z (default: now)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        help="seconds to wait for the brokers before giving up (default 10)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print nothing but warnings and errors"
    )
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    data = tuple(d for item in args.data for d in item.split(",") if d)
    start_ms = None
    if args.start_time is not None:
        start_ms = _epoch_ms(args.start_time)
        if start_ms is None:
            print(
                f"[ERROR] --start-time '{args.start_time}' is not an ISO timestamp.",
                file=sys.stderr,
            )
            return EXIT_USAGE
    if args.count is not None and args.count < 0:
        print("[ERROR] --count must not be negative.", file=sys.stderr)
        return EXIT_USAGE

    from flinklite.errors import FlinkliteError
    from flinklite.kafka.streamshub_producer import DatagenOptions, StreamsHubProducer

    def say(text: str) -> None:
        if not args.quiet or text.startswith("[WARNING]"):
            print(text, file=sys.stderr, flush=True)

    producer: Any = None
    previous = signal.getsignal(signal.SIGTERM)
    try:
        producer = StreamsHubProducer(
            DatagenOptions(
                data_sets=data,
                bootstrap_servers=args.bootstrap_servers,
                registry_url=args.registry,
                rate=args.rate,
                count=args.count,
                seed=args.seed,
                simulated=args.simulated_clock,
                start_ms=start_ms,
                connect_timeout_s=args.timeout,
            ),
            say,
        )
        signal.signal(signal.SIGTERM, lambda *_: producer.stop())
        producer.connect()
        format_ = "Avro" if args.registry else "CSV"
        say(f"Producing {', '.join(data)} ({format_}) to {args.bootstrap_servers}; Ctrl-C stops.")
        sent = producer.run()
    except KeyboardInterrupt:
        say(f"Stopped after {producer.sent if producer else 0} records.")
        return EXIT_INTERRUPTED
    except FlinkliteError as exc:
        print(f"[ERROR] {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        signal.signal(signal.SIGTERM, previous)
        if producer is not None:
            try:
                producer.close()
            except KeyboardInterrupt:
                pass
    say(f"Sent {sent} records.")
    return EXIT_OK


def _epoch_ms(text: str) -> int | None:
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return int(when.timestamp() * 1000)
