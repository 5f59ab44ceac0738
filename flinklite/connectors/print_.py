"""The 'print' connector's declaration: a sink that prints every change to stdout or stderr,
prefixed with the row kind (and the print identifier, when one is set)."""

from __future__ import annotations

import sys
from typing import Any

from flinklite.connectors.registry import ConnectorFactory
from flinklite.formats.registry import ALL_KINDS
from flinklite.formats.text_codec import java_string
from flinklite.options import ConfigOption
from flinklite.runtime.connector import Sink, SinkSpec
from flinklite.runtime.rows import INSERT, Row

__all__ = ["FACTORY", "PrintSink", "java_string", "row_formatter"]

FACTORY = ConnectorFactory(
    "print",
    optional=(
        ConfigOption("print-identifier"),
        ConfigOption("standard-error", "boolean", False),
        ConfigOption("sink.parallelism", "int"),
    ),
    source=False,
    sink_changelog=ALL_KINDS,
    sink_class="flinklite.connectors.print_.PrintSink",
    description="Prints every change of its input.",
)


def row_formatter(types: tuple) -> Any:
    """A function printing a row as Flink's Row.toString does, without the kind:
    `[a, 1, 2024-01-01T00:00, 1.50, true, null]`; compiled once per sink."""
    env: dict[str, Any] = {"j": java_string}
    parts = []
    for i, t in enumerate(types):
        env[f"t{i}"] = t
        if t.root in ("CHAR", "VARCHAR"):
            parts.append(f"('null' if (v := r[{i}]) is None else v)")
        elif t.root in ("INTEGER", "BIGINT", "SMALLINT", "TINYINT"):
            parts.append(f"('null' if (v := r[{i}]) is None else str(v))")
        else:
            parts.append(f"j(r[{i}], t{i})")
    joined = ", ".join(parts)
    exec(f"def fmt(r):\n    return '[' + ', '.join(({joined},)) + ']'\n", env)
    return env["fmt"]


class PrintSink(Sink):
    """Prints each change as `+I[...]`, prefixed `<print-identifier>> ` when one is set, to
    stdout (or stderr with 'standard-error'); the stream is looked up at each write so that
    whoever redirected sys.stdout sees the lines."""

    def __init__(self, spec: SinkSpec) -> None:
        self.spec = spec
        identifier = spec.options.get("print-identifier")
        self.prefix = f"{identifier}> " if identifier else ""
        self.to_stderr = bool(spec.options.get("standard-error", False))
        self.format = row_formatter(tuple(f.type for f in spec.fields))

    def _stream(self) -> Any:
        return sys.stderr if self.to_stderr else sys.stdout

    def process(self, kind: str, row: Row) -> None:
        self._stream().write(f"{self.prefix}{kind}{self.format(row)}\n")

    def process_batch(self, rows: list[Row]) -> None:
        if rows:
            head = self.prefix + INSERT
            fmt = self.format
            self._stream().write("".join([f"{head}{fmt(r)}\n" for r in rows]))

    def end_input(self) -> None:
        self._stream().flush()

    def prepare_checkpoint(self) -> None:
        self._stream().flush()  # what precedes a checkpoint is out before it is recorded
