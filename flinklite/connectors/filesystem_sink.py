"""The 'filesystem' connector's writer: rows encoded by the table's format into part files
named as Flink names them (`part-<uuid>-0-<n>`), visible once committed.

Flink writes to a hidden in-progress file and commits it at a checkpoint or at the end of a
bounded input; flinklite commits when the input ends, when a file rolls over its size limit,
and when the job stops, so a stopped streaming INSERT leaves its rows readable."""

from __future__ import annotations

import os
import uuid
from typing import Any

from flinklite.errors import ExecutionError
from flinklite.runtime.connector import Sink, SinkSpec
from flinklite.runtime.operator import RuntimeContext
from flinklite.runtime.rows import Row


def _format_encoder(fmt: str, fields: tuple, options: dict[str, Any]) -> Any:
    if fmt == "csv":
        from flinklite.formats import csv_codec

        # Flink's CSV file writer ignores this option and always writes 1E+2 (checked).
        options = {**options, "write-bigdecimal-in-scientific-notation": True}
        return csv_codec.encoder(fields, options)
    if fmt == "json":
        from flinklite.formats import json_codec

        return json_codec.encoder(fields, options)
    raise ExecutionError(
        f"The filesystem connector of flinklite cannot write format '{fmt}' yet; use csv or json."
    )


class FileSystemSink(Sink):
    """Writes one line per row into part files under the directory 'path'."""

    name = "Sink"

    def __init__(self, spec: SinkSpec) -> None:
        self.spec = spec
        self.directory = spec.options["path"]
        fmt, options = spec.formats["value"]
        self.encode = _format_encoder(fmt, spec.fields, options).encode
        self.roll_size = int(spec.options.get("sink.rolling-policy.file-size") or 128 << 20)
        self.prefix = f"part-{uuid.uuid4()}-0-"
        self.counter = 0
        self.file: Any = None
        self.in_progress = ""
        self.written = 0

    def open(self, ctx: RuntimeContext) -> None:
        super().open(ctx)
        try:
            os.makedirs(self.directory, exist_ok=True)
        except OSError as e:
            raise ExecutionError(
                f"Cannot create directory {self.directory}: {e.strerror}"
            ) from None
        if self.spec.overwrite:
            for name in os.listdir(self.directory):
                if name.startswith("part-"):
                    os.remove(os.path.join(self.directory, name))

    def _target(self) -> str:
        return os.path.join(self.directory, f"{self.prefix}{self.counter}")

    def _start_file(self) -> None:
        name = f".{self.prefix}{self.counter}.inprogress.{uuid.uuid4()}"
        self.in_progress = os.path.join(self.directory, name)
        self.file = open(self.in_progress, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self.written = 0

    def _commit(self) -> None:
        if self.file is None:
            return
        self.file.close()
        self.file = None
        os.replace(self.in_progress, self._target())
        self.counter += 1

    def _write(self, text: str) -> None:
        if self.file is None:
            self._start_file()
        self.file.write(text)
        self.written += len(text)
        if self.written >= self.roll_size:
            self._commit()

    def process(self, kind: str, row: Row) -> None:
        self._write(self.encode(row) + "\n")

    def process_batch(self, rows: list[Row]) -> None:
        if rows:
            self._write("\n".join(map(self.encode, rows)) + "\n")

    def end_input(self) -> None:
        self._commit()

    def prepare_checkpoint(self) -> None:
        if self.file is not None:
            self.file.flush()
            os.fsync(self.file.fileno())
        self._commit()  # Flink's file sink rolls its part file on checkpoint, too

    def close(self) -> None:
        self._commit()
