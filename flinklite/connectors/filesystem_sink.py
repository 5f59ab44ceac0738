"""The 'filesystem' connector's writer: rows encoded by the table's format into part files
named as Flink names them (`part-<uuid>-0-<n>`), visible once committed.

Rows go to a hidden in-progress file. As in Flink, when the job checkpoints a part file
rolls at each checkpoint (and over its size limit) into a pending file that the checkpoint
records and that is committed (renamed into view) once the checkpoint is on disk; a restored
job commits what its checkpoint left pending and drops what was written after it, so each
row is in the table once. Without checkpoints, flinklite commits when a file rolls over its
size limit, when the input ends and when the job stops, so a stopped streaming INSERT leaves
its rows readable."""

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
        self.pending: list[tuple[str, str]] = []  # (closed in-progress file, its part name)

    def open(self, ctx: RuntimeContext) -> None:
        super().open(ctx)
        try:
            os.makedirs(self.directory, exist_ok=True)
        except OSError as e:
            raise ExecutionError(
                f"Cannot create directory {self.directory}: {e.strerror}"
            ) from None
        if self.spec.overwrite and self.restored is None:
            for name in os.listdir(self.directory):
                if name.startswith("part-"):
                    os.remove(os.path.join(self.directory, name))
        if self.restored is not None:
            self._restore(self.restored)

    def _restore(self, saved: dict) -> None:
        """Commits the checkpoint's pending files (a crash may have come before it did) and
        removes the in-progress files written after the checkpoint; part numbers go on."""
        self.prefix, self.counter = saved["prefix"], saved["counter"]
        for hidden, target in saved["pending"]:
            if os.path.exists(hidden):
                os.replace(hidden, target)
        for name in os.listdir(self.directory):
            if name.startswith(f".{self.prefix}") and ".inprogress." in name:
                os.remove(os.path.join(self.directory, name))

    def _target(self) -> str:
        return os.path.join(self.directory, f"{self.prefix}{self.counter}")

    def _start_file(self) -> None:
        name = f".{self.prefix}{self.counter}.inprogress.{uuid.uuid4()}"
        self.in_progress = os.path.join(self.directory, name)
        self.file = open(self.in_progress, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self.written = 0

    def _roll(self) -> None:
        """Closes the part file: into view at once, or pending until a checkpoint completes."""
        if self.file is None:
            return
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        self.file = None
        self.pending.append((self.in_progress, self._target()))
        self.counter += 1
        if not self.checkpointing:
            self._commit_pending()

    def _commit_pending(self) -> None:
        for hidden, target in self.pending:
            os.replace(hidden, target)
        self.pending.clear()

    def _write(self, text: str) -> None:
        if self.file is None:
            self._start_file()
        self.file.write(text)
        self.written += len(text)
        if self.written >= self.roll_size:
            self._roll()

    def process(self, kind: str, row: Row) -> None:
        self._write(self.encode(row) + "\n")

    def process_batch(self, rows: list[Row]) -> None:
        if rows:
            self._write("\n".join(map(self.encode, rows)) + "\n")

    def end_input(self) -> None:
        self._roll()
        self._commit_pending()

    def prepare_checkpoint(self) -> dict:
        self._roll()  # Flink's file sink rolls its part file on checkpoint, too
        return {"prefix": self.prefix, "counter": self.counter, "pending": list(self.pending)}

    def checkpoint_complete(self) -> None:
        self._commit_pending()

    def close(self) -> None:
        if not self.checkpointing:
            self._roll()
            return
        # What came after the last checkpoint is not committed (a restore writes it again).
        if self.file is not None:
            self.file.close()
            self.file = None
