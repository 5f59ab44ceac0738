"""The contract between the job and connectors: what a source reads and a sink writes.

The planner fills a ScanSpec / SinkSpec from the validated table; the connector module named by
its factory's `source_class` / `sink_class` builds the runtime object from it. Formats turn
bytes into rows with a RowDecoder and back with a RowEncoder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from flinklite.catalog.types import DataType, RowField
from flinklite.runtime.operator import RuntimeContext, Stage
from flinklite.runtime.rows import Row


@dataclass(frozen=True, slots=True)
class ScanSpec:
    """What to read: the table, its validated options, the physical fields the query needs (in
    the order the source must produce them, after projection push-down) and the metadata keys
    appended after them, with the types the table declares for them.

    `options` are the connector's parsed options with defaults filled in; `formats` maps a role
    ('value', 'key') to (format identifier, its parsed options without prefix)."""

    table_name: str  # catalog summary, e.g. default_catalog.default_database.sales
    options: dict[str, Any]
    formats: dict[str, tuple[str, dict[str, Any]]]
    physical: tuple[RowField, ...]  # the projected physical fields
    all_physical: tuple[RowField, ...]  # every physical column of the table, in order
    metadata: tuple[tuple[str, DataType], ...] = ()  # (metadata key, type)
    primary_key: tuple[str, ...] = ()
    batch: bool = False  # execution.runtime-mode = batch (sources must then be bounded)
    connector: str = ""  # the 'connector' option: which factory builds the runtime source


@dataclass(frozen=True, slots=True)
class SinkSpec:
    """What to write: the table, its validated options and formats, the row type of the rows
    arriving (the table's persisted columns), the primary key, and the changelog the planner
    will deliver (a subset of '+I', '-U', '+U', '-D')."""

    table_name: str
    options: dict[str, Any]
    formats: dict[str, tuple[str, dict[str, Any]]]
    fields: tuple[RowField, ...]
    primary_key: tuple[str, ...] = ()
    changelog: tuple[str, ...] = ("+I",)
    overwrite: bool = False
    batch: bool = False
    connector: str = ""
    # writable metadata columns among `fields`: (position in the row, metadata key)
    metadata: tuple[tuple[int, str], ...] = ()


class Split:
    """One independently ordered part of a source: a file, a Kafka partition, a generator.

    `poll()` returns the next batch of rows (physical fields then metadata, per the ScanSpec),
    an empty list when nothing is available right now, or None once the split has ended.
    Bad records raise ExecutionError naming the file and line or topic/partition/offset."""

    name: str = "split"  # unique within its source: checkpoints key positions by it

    def poll(self) -> list[Row] | None:
        raise NotImplementedError

    def position(self) -> Any:
        """Where the next poll reads, as plain data a checkpoint keeps (a line number, an
        offset); the source resumes there when it finds it in `Source.restored`."""
        return None

    def close(self) -> None:
        pass


class Source:
    """A table's runtime reader: a bounded or unbounded set of splits. A changelog source
    (`changelog = True`, e.g. upsert-kafka) returns (kind, row) pairs from Split.poll()."""

    bounded: bool = True
    changelog: bool = False
    # Split name -> position from a checkpoint, set before `open`; a source reads each split
    # from there instead of its startup position.
    restored: dict[str, Any] | None = None
    # Set before `open` when the job checkpoints: the source then acknowledges what it read
    # (Kafka's group offsets) when a checkpoint completes, not on its own schedule.
    checkpointing: bool = False

    def checkpoint_complete(self) -> None:
        """A checkpoint holding this source's positions is on disk."""

    def open(self, ctx: RuntimeContext) -> None:
        self.ctx = ctx

    def splits(self) -> list[Split]:
        raise NotImplementedError

    def close(self) -> None:
        pass


class Sink(Stage):
    """A table's runtime writer; it is the last stage of a job. `open` is called before any row;
    `end_input` after the last one (flush and close files there); `close` always runs."""

    name = "Sink"
    # Set before `open` when the job checkpoints: the sink then makes what it writes visible
    # when a checkpoint completes (its two-phase commit), not on its own schedule.
    checkpointing: bool = False
    # What `prepare_checkpoint` returned, from the checkpoint the job starts from; set before
    # `open`, which finishes what that checkpoint left pre-committed.
    restored: Any = None

    def open(self, ctx: RuntimeContext) -> None:
        self.ctx = ctx

    def tick(self) -> None:
        """Called between rounds of the job's loop, rows or not: time-driven work (a flush or
        commit interval) happens here, also while the input is idle."""

    def prepare_checkpoint(self) -> Any:
        """Makes durable what was written so far, before a checkpoint records the sources'
        positions past it (Flink flushes sinks on checkpoint). Returns what the checkpoint keeps
        for this sink (None: nothing): what it pre-committed, to be finished on restore."""
        return None

    def checkpoint_complete(self) -> None:
        """The checkpoint holding what `prepare_checkpoint` returned is on disk: what was
        pre-committed for it becomes visible."""

    def close(self) -> None:
        pass


SHOWN_RECORD_CHARS = 80


def shown_record(record: str | bytes) -> str:
    """A bad record as an error message quotes it: its start, control characters and bytes
    that are not text escaped, so a message stays one readable line whatever the input."""
    text = record.decode("utf-8", "replace") if isinstance(record, bytes) else record
    text = text.rstrip("\r\n")
    head = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[:SHOWN_RECORD_CHARS])
    return head if len(text) <= SHOWN_RECORD_CHARS else f"{head}... ({len(text)} characters)"


@dataclass(slots=True)
class RowDecoder:
    """Turns one serialized record (a text line or bytes) into a row of the given fields.

    `decode(record)` returns the row tuple, or None when the record must be skipped
    (ignore-parse-errors). It raises ValueError with a readable message on bad input; the
    source adds the file/line or topic/partition/offset."""

    fields: tuple[RowField, ...]
    decode: Callable[[Any], Row | None]


@dataclass(slots=True)
class RowEncoder:
    """Turns a row into a serialized record (text line without newline, or bytes)."""

    fields: tuple[RowField, ...]
    encode: Callable[[Row], Any]


def iter_batches(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


BATCH_SIZE = 1024
