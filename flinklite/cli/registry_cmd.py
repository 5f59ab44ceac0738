"""`flinklite registry`: a Confluent-compatible schema registry on loopback for the tutorials'
avro-confluent tables, `datagen --registry` and `topic tail --registry`."""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from flinklite.cli.conventions import EXIT_FAILED, EXIT_OK

DEFAULT_PORT = 8081  # Confluent Schema Registry's port
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flinklite registry",
        description="Run a schema registry speaking the Confluent REST API (the part "
        "avro-confluent uses: register, look up, schemas by id, subjects), also under "
        "/apis/ccompat/v6 and /v7 as Apicurio serves it. Schemas are kept in memory, or in "
        "--data DIR so they survive a restart. Runs until Ctrl-C.",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"port to listen on (default {DEFAULT_PORT}; 0 picks a free one)",
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument(
        "--data", metavar="DIR", help="keep the schemas in DIR/schemas.json (default: memory)"
    )
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    from flinklite.kafka.registry_server import RegistryServer, SchemaStore

    try:
        store = SchemaStore(args.data)
    except (OSError, ValueError) as exc:
        print(f"[ERROR] Cannot read the registry's data in '{args.data}': {exc}", file=sys.stderr)
        return EXIT_FAILED
    try:
        server = RegistryServer(store, args.host, args.port)
    except OSError as exc:
        print(
            f"[ERROR] Cannot listen on {args.host}:{args.port}: {exc.strerror or exc}"
            + (" (another registry running? --port 0 picks a free port)" if args.port else ""),
            file=sys.stderr,
        )
        return EXIT_FAILED

    # Ctrl-C and SIGTERM only set an event: the server thread is stopped from here, never
    # interrupted by an exception raised at an arbitrary point of it.
    stopping = threading.Event()
    handlers = {sig: signal.signal(sig, lambda *_: stopping.set()) for sig in STOP_SIGNALS}
    kept = f"in {args.data}" if args.data else "in memory"
    server.start()
    # The URL alone on stdout, so a script can read it; the rest is for the person watching.
    print(server.url, flush=True)
    print(
        f"Schema registry (Confluent REST API) at {server.url}, also at "
        f"{server.url}/apis/ccompat/v6; schemas kept {kept}. Ctrl-C stops it.",
        file=sys.stderr,
        flush=True,
    )
    try:
        while not stopping.wait(0.5):
            pass
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        server.shutdown()
    return EXIT_OK
