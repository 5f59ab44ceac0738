"""A running job: source drivers pushing batches through the operator graph on one thread, with
a cancel flag, a final status and the error that failed it.

Sources are polled in turn; a bounded source that ends sends MAX_WATERMARK and end of input,
and the job finishes when every source has ended (or it is cancelled)."""

from __future__ import annotations

import itertools
import threading
import time
import traceback
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from flinklite import deep
from flinklite.errors import ExecutionError, FlinkliteError, ValidationError
from flinklite.runtime import state_codec
from flinklite.runtime.checkpoints import CheckpointConfig, CheckpointStorage, write_metadata
from flinklite.runtime.checkpoints import load as load_checkpoint
from flinklite.runtime.connector import Sink, Source, Split
from flinklite.runtime.operator import (
    MAX_WATERMARK,
    MIN_WATERMARK,
    Operator,
    RuntimeContext,
    Stage,
)
from flinklite.runtime.restart import RestartStrategy
from flinklite.runtime.watermarks import WatermarkGenerator

CREATED, RUNNING, FINISHED, FAILED, CANCELED = (
    "CREATED",
    "RUNNING",
    "FINISHED",
    "FAILED",
    "CANCELED",
)
IDLE_SLEEP_S = 0.005


@dataclass(slots=True)
class SplitWatermarks:
    """Watermark generation inside a source (Flink's watermark push-down): each split keeps the
    largest value of the WATERMARK expression it has seen; the source emits the minimum over
    its splits, leaving out ended splits and splits idle for `idle_timeout_ms` (0: never)."""

    generator: WatermarkGenerator
    idle_timeout_ms: int = 0
    per_split: dict = field(default_factory=dict)  # split -> watermark (ms)
    last_active: dict = field(default_factory=dict)  # split -> wall ms of its last rows
    emitted: int = MIN_WATERMARK

    def combined(self, splits: list[Split], now_ms: int) -> int | None:
        live = [
            self.per_split.get(s, MIN_WATERMARK)
            for s in splits
            if not (
                self.idle_timeout_ms
                and now_ms - self.last_active.get(s, now_ms) >= self.idle_timeout_ms
            )
        ]
        return min(live) if live else None


@dataclass(slots=True)
class SourceDriver:
    """One table source feeding its first stage. Bounded sources read their splits one after
    another (as Flink's single file reader does); unbounded ones are polled round-robin.
    With `watermarks` set the driver generates watermarks per split."""

    source: Source
    out: Stage
    splits: list[Split] = field(default_factory=list)
    done: bool = False
    watermarks: SplitWatermarks | None = None
    now_ms: Callable[[], int] = lambda: int(time.time() * 1000)
    ended_names: set[str] = field(default_factory=set)  # splits that ended (checkpointed)

    def open(self, ctx: RuntimeContext, restored: dict | None = None) -> None:
        """Opens the source; with `restored` (a checkpoint's `snapshot()`), its splits resume
        where the checkpoint left them and splits that had ended stay ended."""
        if restored is not None:
            self.source.restored = dict(restored["positions"])
        self.source.open(ctx)
        self.splits = list(self.source.splits())
        self.now_ms = ctx.now_ms
        if restored is not None:
            ended = set(restored["ended"])
            for split in [s for s in self.splits if s.name in ended]:
                split.close()
                self.splits.remove(split)
            if self.watermarks is not None and restored["watermarks"] is not None:
                per_split, emitted = restored["watermarks"]
                by_name = {s.name: s for s in self.splits}
                self.watermarks.per_split = {
                    by_name[n]: wm for n, wm in per_split.items() if n in by_name
                }
                self.watermarks.emitted = emitted
            self.ended_names = ended

    def snapshot(self) -> dict:
        """Each split's position, the splits that ended, and the per-split watermarks."""
        wms = self.watermarks
        return {
            "positions": {s.name: s.position() for s in self.splits},
            "ended": sorted(self.ended_names),
            "watermarks": None
            if wms is None
            else [{s.name: wm for s, wm in wms.per_split.items()}, wms.emitted],
        }

    def poll(self) -> bool:
        """Moves one batch; True when rows moved, False when nothing was available."""
        if not self.splits:
            self.end()
            return False
        if self.source.bounded:
            return self._poll_split(self.splits[0])
        moved = False
        for split in list(self.splits):
            moved = self._poll_split(split) or moved
        if not moved and self.watermarks is not None:
            self._advance()  # an idle split may stop holding the watermark back
        return moved

    def _poll_split(self, split: Split) -> bool:
        batch = split.poll()
        if batch is None:
            split.close()
            self.splits.remove(split)
            self.ended_names.add(split.name)
            if self.watermarks is not None:
                self.watermarks.per_split.pop(split, None)
                self._advance()
            return True
        if not batch:
            return False
        if self.source.changelog:  # (kind, row) pairs
            self._push_changes(split, batch)
        elif self.watermarks is None:
            self.out.process_batch(batch)
        else:
            self._with_watermarks(split, batch)
        return True

    def _with_watermarks(self, split: Split, batch: list) -> None:
        wms = self.watermarks
        wms.last_active[split] = self.now_ms()
        current = wms.per_split.get(split, MIN_WATERMARK)
        wms.per_split[split] = wms.generator.push_batch(
            batch, current, self.out, lambda wm: self._raise(split, wm)
        )

    def _push_changes(self, split: Split, batch: list) -> None:
        """A changelog source's (kind, row) pairs; rows without a rowtime (deletes of upsert
        sources) leave the split's watermark where it is."""
        wms = self.watermarks
        if wms is None:
            process = self.out.process
            for kind, row in batch:
                process(kind, row)
            return
        wms.last_active[split] = self.now_ms()
        current = wms.per_split.get(split, MIN_WATERMARK)
        wms.per_split[split] = wms.generator.push_changes(
            batch, current, self.out, lambda wm: self._raise(split, wm)
        )

    def _raise(self, split: Split, wm: int) -> int | None:
        """A split's watermark rose to `wm`: the source's watermark to emit, if it rose too."""
        wms = self.watermarks
        wms.per_split[split] = wm
        combined = wms.combined(self.splits, self.now_ms())
        if combined is not None and combined > wms.emitted:
            wms.emitted = combined
            return combined
        return None

    def _advance(self) -> None:
        wms = self.watermarks
        combined = wms.combined(self.splits, self.now_ms())
        if combined is not None and combined > wms.emitted:
            wms.emitted = combined
            self.out.on_watermark(combined)

    def end(self) -> None:
        """The input ends here: the maximum watermark, then end of input, once."""
        if not self.done:
            self.done = True
            self.out.on_watermark(MAX_WATERMARK)
            self.out.end_input()

    def close(self) -> None:
        for split in self.splits:
            split.close()
        self.source.close()


_ids = itertools.count(1)


@dataclass(slots=True)
class _SavepointRequest:
    """STOP JOB ... WITH SAVEPOINT, handed from the session to the job's thread."""

    folder: Path
    drain: bool = False  # WITH DRAIN: the input ends (windows fire, sinks commit) first
    done: threading.Event = field(default_factory=threading.Event)
    error: Exception | None = None


class Job:
    """A job built from a physical plan: `start()` runs it on its own thread, `cancel()` stops it
    at the next batch boundary, `wait()` blocks until it ends."""

    def __init__(
        self,
        name: str,
        drivers: list[SourceDriver],
        closables: list,
        ctx: RuntimeContext,
        on_end: Callable[[Job], None] | None = None,
    ) -> None:
        self.id = uuid.uuid4().hex
        self.number = next(_ids)
        self.name = name
        self.drivers = drivers
        self.closables = closables
        self.ctx = ctx
        self.status = CREATED
        self.error: FlinkliteError | None = None
        self.start_time = 0.0
        self.end_time = 0.0
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._on_end = on_end
        ctx.cancelled = self._cancel.is_set
        self.checkpointing: CheckpointConfig | None = None
        self._storage: CheckpointStorage | None = None  # this job's folder of checkpoints
        self.restore_from: dict | None = None  # a checkpoint's metadata (checkpoints.load)
        self.last_checkpoint: tuple[int, float, int] | None = None  # id, time, bytes
        self._checkpoint_id = 0
        self._savepoint: _SavepointRequest | None = None
        self.stopped_with_savepoint = False  # then it ends FINISHED, as in Flink
        self.restarts: RestartStrategy | None = None
        self._rebuild: Callable[[], Job] | None = None
        self.failures: list[FlinkliteError] = []  # the failures it restarted after

    # --- checkpoints -----------------------------------------------------------------------

    def operators(self) -> list[tuple[str, Operator]]:
        """The stages that keep state, in the plan's order, with their names."""
        return [
            (getattr(s, "name", type(s).__name__), s)
            for s in self.closables
            if isinstance(s, Operator)
        ]

    def sinks(self) -> list[Sink]:
        return [s for s in self.closables if isinstance(s, Sink)]

    def enable_checkpoints(self, config: CheckpointConfig | None, restore: dict | None) -> None:
        """Checkpoints every `config.interval_ms` and/or a start from a checkpoint, checked
        now: a checkpoint that does not fit this query is refused before the job starts."""
        if restore is not None:
            ours = [(name, op.digest) for name, op in self.operators()]
            saved = [(o["name"], o.get("digest", "")) for o in restore.get("operators", [])]
            sinks = restore.get("sinks")  # older checkpoints keep none
            if (
                ours != saved
                or len(restore.get("sources", [])) != len(self.drivers)
                or (sinks is not None and len(sinks) != len(self.sinks()))
            ):
                first = next(
                    (
                        f"{a[1] or a[0]} (the checkpoint's: {b[1] or b[0]})"
                        for a, b in zip(ours, saved, strict=False)
                        if a != b
                    ),
                    f"{len(ours)} operators and {len(self.drivers)} sources (the checkpoint's: "
                    f"{len(saved)} and {len(restore.get('sources', []))})",
                )
                raise ValidationError(
                    f"The state in {restore.get('path')} does not fit this query: operator "
                    f"{first}. Restore a checkpoint of the same query."
                )
            self._checkpoint_id = int(restore.get("checkpoint_id", 0))
        self.checkpointing = config
        self._storage = (
            None
            if config is None
            else CheckpointStorage(config.directory, self.id, config.retained)
        )
        self.restore_from = restore

    def stop_with_savepoint(self, folder: Path, drain: bool = False, timeout_s: float = 60) -> Path:
        """Takes a savepoint into `folder` at the next boundary between two rounds of the loop,
        then stops the job there (Flink's stop-with-savepoint); returns the folder. With
        `drain`, as Flink's --drain, the sources first end their input: the maximum watermark
        fires every event-time window and timer, and the sinks commit what they hold."""
        request = _SavepointRequest(folder, drain)
        self._savepoint = request
        if not request.done.wait(timeout_s) or request.error is not None:
            raise ExecutionError(
                f"Could not stop job {self.id} with a savepoint: "
                + (str(request.error) if request.error is not None else "it did not answer")
            )
        self.wait(timeout_s)
        return folder

    def _take_savepoint(self, request: _SavepointRequest) -> None:
        try:
            if request.drain:
                for d in self.drivers:
                    d.end()
            write_metadata(request.folder, self._state("savepoint", self._checkpoint_id))
            self._completed()
        except Exception as e:  # noqa: BLE001 - the requester reports it; the job goes on
            request.error = e
        else:
            self.stopped_with_savepoint = True
            self._cancel.set()
        finally:
            self._savepoint = None
            request.done.set()

    def _state(self, kind: str, checkpoint_id: int) -> dict:
        """Sinks flushed (what they pre-commit kept), then every operator's state and every
        source's position."""
        sinks = [state_codec.encode(s.prepare_checkpoint(), "a sink") for s in self.sinks()]
        operators = [
            {"name": name, "digest": op.digest, "state": state_codec.encode(op.snapshot(), name)}
            for name, op in self.operators()
        ]
        return {
            "kind": kind,
            "checkpoint_id": checkpoint_id,
            "job_id": self.id,
            "job_name": self.name,
            "operators": operators,
            "sources": [state_codec.encode(d.snapshot(), "a source") for d in self.drivers],
            "sinks": sinks,
        }

    def _restore_operators(self, restore: dict) -> None:
        for (name, op), saved in zip(self.operators(), restore["operators"], strict=True):
            state = state_codec.decode(saved["state"], name)
            if state is not None:
                op.restore(state)

    def _checkpoint(self, storage: CheckpointStorage) -> None:
        """A consistent cut between two rounds of the loop."""
        self._checkpoint_id += 1
        folder = storage.write(self._checkpoint_id, self._state("checkpoint", self._checkpoint_id))
        self._completed()
        size = (folder / "_metadata").stat().st_size
        self.last_checkpoint = (self._checkpoint_id, time.time(), size)

    def _completed(self) -> None:
        """A checkpoint or savepoint is on disk: sinks commit what they pre-committed for it
        (Flink's notifyCheckpointComplete), sources acknowledge what they read."""
        for sink in self.sinks():
            sink.checkpoint_complete()
        for d in self.drivers:
            d.source.checkpoint_complete()

    # --- control ---------------------------------------------------------------------------

    def start(self) -> Job:
        self.status = RUNNING
        self.start_time = time.time()
        self._thread = deep.thread(self.run, f"flinklite-job-{self.number}")
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """True once the job has ended."""
        return self._done.wait(timeout)

    @property
    def done(self) -> bool:
        return self._done.is_set()

    @property
    def cancelling(self) -> bool:
        """Cancelled (or stopping with a savepoint), maybe not ended yet."""
        return self._cancel.is_set()

    # --- the loop --------------------------------------------------------------------------

    def run(self) -> None:
        try:
            restarting = False
            while True:
                started = time.monotonic()
                try:
                    if restarting:
                        self._restart()
                    self._run_once()
                    return
                except Exception as e:  # noqa: BLE001 - a failure: restart, or report it
                    if self._cancel.is_set():
                        # Cancelled while a source or sink waited (e.g. for its brokers): what
                        # ended the wait is the cancellation, not a failure.
                        self.status = CANCELED
                        return
                    error = self._explained(e)
                ran_ms = int((time.monotonic() - started) * 1000)
                delay = self._restart_delay(ran_ms)
                if delay is None:
                    self.status = FAILED
                    self.error = error
                    if self.restarts is not None and self.restarts.restarts:
                        error.message += f" (the job failed again: {self.restarts.gave_up()})"
                        error.args = (error.message,)
                    return
                self._close_all()
                self.failures.append(error)
                if self._cancel.wait(delay / 1000):
                    self.status = CANCELED
                    return
                restarting = True
        finally:
            self._close_all()
            config, storage = self.checkpointing, self._storage
            if config is not None and storage is not None and not config.keeps(self.status):
                storage.discard()
            self.end_time = time.time()
            self._done.set()
            if self._on_end is not None:
                self._on_end(self)

    def _run_once(self) -> None:
        restore = self.restore_from
        saved_sinks = restore.get("sinks") if restore is not None else None
        sinks = self.sinks()
        checkpointing = self.checkpointing is not None
        for i, sink in enumerate(sinks):
            sink.checkpointing = checkpointing
            if saved_sinks is not None:
                sink.restored = state_codec.decode(saved_sinks[i], "a sink")
        for stage in self.closables:
            opener = getattr(stage, "open", None)
            if opener is not None:
                opener(self.ctx)
        if restore is not None:
            self._restore_operators(restore)
        for i, d in enumerate(self.drivers):
            d.source.checkpointing = checkpointing
            saved = None
            if restore is not None:
                saved = state_codec.decode(restore["sources"][i], "a source")
            d.open(self.ctx, saved)
        config, storage = self.checkpointing, self._storage
        if config is not None:
            due = time.monotonic() + config.interval_ms / 1000
        active = list(self.drivers)
        cancelled = self._cancel.is_set
        while active and not cancelled():
            moved = False
            for d in list(active):
                if d.poll():
                    moved = True
                if d.done:
                    active.remove(d)
            for sink in sinks:
                sink.tick()
            if storage is not None and active and time.monotonic() >= due:
                self._checkpoint(storage)
                due = time.monotonic() + config.interval_ms / 1000  # type: ignore[union-attr]
            if self._savepoint is not None:
                self._take_savepoint(self._savepoint)
            if not moved and active:
                time.sleep(IDLE_SLEEP_S)
        self.status = CANCELED if active and not self.stopped_with_savepoint else FINISHED

    def _explained(self, e: Exception) -> FlinkliteError:
        if isinstance(e, FlinkliteError):
            return e
        # A bug: keep the job's failure contained and explained.
        error = ExecutionError(
            f"Job '{self.name}' failed: {type(e).__name__}: {e}",
            hint="flinklite hit an internal error; please report it with the statement.",
        )
        error.__cause__ = e
        self.traceback = traceback.format_exc()
        return error

    # --- restarts --------------------------------------------------------------------------

    def enable_restarts(self, strategy: RestartStrategy, rebuild: Callable[[], Job]) -> None:
        """After a failure the job starts again, per `strategy`, as `rebuild()` builds it from
        its plan, from its own latest checkpoint (else where it first started from)."""
        self.restarts = strategy
        self._rebuild = rebuild

    def _restart_delay(self, ran_ms: int) -> int | None:
        if self.restarts is None or self._rebuild is None or self._cancel.is_set():
            return None
        return self.restarts.next_delay_ms(ran_ms)

    def _restart(self) -> None:
        fresh = self._rebuild()  # type: ignore[misc]
        self.drivers, self.closables, self.ctx = fresh.drivers, fresh.closables, fresh.ctx
        self.ctx.cancelled = self._cancel.is_set
        own = self._storage.completed() if self._storage is not None else []
        if own:
            self.restore_from = load_checkpoint(own[-1])

    def _close_all(self) -> None:
        for d in self.drivers:
            try:
                d.close()
            except Exception:  # noqa: BLE001 - closing must not mask the job's outcome
                pass
        for stage in self.closables:
            closer = getattr(stage, "close", None)
            if closer is not None:
                try:
                    closer()
                except Exception:  # noqa: BLE001
                    pass

    def run_inline(self) -> None:
        """Runs the job on the calling thread (tests, batch scripts)."""
        self.status = RUNNING
        self.start_time = time.time()
        self.run()
