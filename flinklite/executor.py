"""Turning planned statements into jobs, and the session's job list (SHOW JOBS, STOP JOB).

The session binds; this module plans, builds and starts jobs and shapes their results: a query
gives a ChangelogResult over its live result buffer, an INSERT a JobSubmittedResult."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field

from flinklite.config import Configuration, parse_duration_ms
from flinklite.errors import ValidationError
from flinklite.planner import logical as L
from flinklite.planner.plan import plan_insert, plan_query
from flinklite.results import ChangelogResult, JobSubmittedResult
from flinklite.runtime import checkpoints
from flinklite.runtime.checkpoints import CheckpointConfig
from flinklite.runtime.job import RUNNING, Job
from flinklite.runtime.operator import RuntimeContext
from flinklite.runtime.restart import restart_strategy


def is_batch(config: Configuration) -> bool:
    return (config.get("execution.runtime-mode") or "streaming").lower() == "batch"


def local_time_zone(config: Configuration) -> str:
    zone = config.get("table.local-time-zone") or "default"
    if zone.lower() == "default":
        name = dt.datetime.now().astimezone().tzname() or "UTC"
        return "UTC" if name in ("UTC", "GMT") else _system_zone_name()
    return zone


def _system_zone_name() -> str:
    import os

    tz = os.environ.get("TZ")
    if tz:
        return tz
    try:
        return os.path.realpath("/etc/localtime").split("zoneinfo/", 1)[1]
    except (IndexError, OSError):
        return "UTC"


@dataclass
class JobManager:
    """The jobs a session started, newest last."""

    jobs: list[Job] = field(default_factory=list)

    def add(self, job: Job) -> Job:
        self.jobs.append(job)
        return job

    def find(self, job_id: str) -> Job | None:
        return next((j for j in self.jobs if j.id == job_id), None)

    def wait_all(self) -> list[Job]:
        """Blocks until every job has ended; returns the failed ones."""
        for job in self.jobs:
            job.wait()
        return [j for j in self.jobs if j.error is not None]

    def cancel_all(self) -> None:
        for job in self.jobs:
            job.cancel()
        for job in self.jobs:
            job.wait(5)

    def table(self) -> tuple[tuple[str, ...], list[tuple]]:
        """SHOW JOBS: Flink's columns, and when a job checkpoints, its last checkpoint's time
        and size (columns Flink's client does not have)."""
        header: tuple[str, ...] = ("job id", "job name", "status", "start time")
        rows: list[tuple] = [(j.id, j.name, j.status, _instant(j.start_time)) for j in self.jobs]
        if any(j.checkpointing is not None for j in self.jobs):
            header += ("last checkpoint", "checkpoint size")
            rows = [
                row
                + (
                    (_instant(j.last_checkpoint[1]), f"{j.last_checkpoint[2]} bytes")
                    if j.last_checkpoint is not None
                    else ("", "")
                )
                for row, j in zip(rows, self.jobs, strict=True)
            ]
        return header, rows


def _instant(seconds: float) -> str:
    text = dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat(timespec="milliseconds")
    return text.replace("+00:00", "Z")


def runtime_context(config: Configuration) -> RuntimeContext:
    return RuntimeContext(
        config=dict(config.items()),
        batch=is_batch(config),
        local_time_zone=local_time_zone(config),
        state_ttl_ms=parse_duration_ms(
            config.get("table.exec.state.ttl") or "0 ms", "table.exec.state.ttl"
        ),
    )


def idle_timeout(config: Configuration) -> int:
    text = config.get("table.exec.source.idle-timeout") or "0 ms"
    return parse_duration_ms(text, "table.exec.source.idle-timeout")


def watermark_interval(config: Configuration) -> int:
    text = config.get("pipeline.auto-watermark-interval") or "200 ms"
    return parse_duration_ms(text, "pipeline.auto-watermark-interval")


def checkpoint_config(config: Configuration) -> CheckpointConfig | None:
    """Checkpoints as configured: an interval and a folder (flinklite keeps them in files).
    None in batch mode, where Flink disables checkpointing: a bounded job that fails runs
    again from the start."""
    interval = config.get("execution.checkpointing.interval")
    if not interval or is_batch(config):
        return None
    directory = config.get("execution.checkpointing.dir")
    if not directory:
        raise ValidationError(
            "'execution.checkpointing.interval' is set but 'execution.checkpointing.dir' is not: "
            "flinklite writes checkpoints into that folder, so a job can be restored from them."
        )
    interval_ms = parse_duration_ms(interval, "execution.checkpointing.interval")
    retained = int(config.get("execution.checkpointing.num-retained") or "")
    retention = config.get("execution.checkpointing.externalized-checkpoint-retention") or ""
    return CheckpointConfig(max(interval_ms, 1), directory, retained, retention.upper())


def restore_point(config: Configuration) -> dict | None:
    """The checkpoint 'execution.state-recovery.path' names; `latest` is the newest complete
    checkpoint under 'execution.checkpointing.dir'."""
    path = config.get("execution.state-recovery.path")
    if not path:
        return None
    if path == "latest":
        directory = config.get("execution.checkpointing.dir")
        if not directory:
            raise ValidationError(
                "'execution.state-recovery.path' = 'latest' needs 'execution.checkpointing.dir'"
            )
        path = str(checkpoints.latest_in(directory))
    return checkpoints.load(path)


def _submit(sinks: list, config: Configuration, manager: JobManager, name: str):
    """Builds the job for planned sinks, registers and starts it; (job, result buffers)."""
    from flinklite.planner.translate import build_job

    settings = Configuration(dict(config.items()))  # a restart builds with today's SETs

    def build() -> tuple[Job, list]:
        return build_job(
            sinks,
            runtime_context(settings),
            name=settings.get("pipeline.name") or name,
            watermark_interval_ms=watermark_interval(settings),
            idle_timeout_ms=idle_timeout(settings),
        )

    job, buffers = build()
    _warn_unexpired_state(job)
    checkpointing = checkpoint_config(config)
    job.enable_checkpoints(checkpointing, restore_point(config))
    if not buffers:  # an INSERT's job; a query's result view holds its first job's buffer
        strategy = restart_strategy(config.get, checkpointing is not None, parse_duration_ms)
        job.enable_restarts(strategy, lambda: build()[0])
    manager.add(job).start()
    return job, buffers


# Operators whose keyed state Flink expires under table.exec.state.ttl and flinklite does not
# yet (its pending rows wait for the watermark; the others' state expires).
_TTL_NOT_HONOURED = frozenset({"OverAggregate"})


def _warn_unexpired_state(job: Job) -> None:
    """An accepted option without its effect is said, not silently ignored."""
    if not job.ctx.state_ttl_ms or job.ctx.batch:
        return
    names = sorted({name for name, _ in job.operators()} & _TTL_NOT_HONOURED)
    if names:
        print(
            "[WARNING] 'table.exec.state.ttl' does not expire the state of "
            f"{', '.join(names)} in job '{job.name}' yet.",
            file=sys.stderr,
            flush=True,
        )


def start_query(rel: L.RelNode, config: Configuration, manager: JobManager) -> ChangelogResult:
    sink = plan_query(rel, batch=is_batch(config))
    job, buffers = _submit([sink], config, manager, "collect")  # Flink's default job name
    return ChangelogResult(
        tuple(f.name for f in rel.fields),
        tuple(f.type for f in rel.fields),
        buffers[0],
        job,
        sink.changelog == ("+I",),
    )


def start_inserts(
    sinks: list[L.Sink], config: Configuration, manager: JobManager
) -> JobSubmittedResult:
    batch = is_batch(config)
    planned = [plan_insert(s, batch=batch, overwrite=s.overwrite) for s in sinks]
    return submit_inserts(planned, config, manager)


def submit_inserts(planned: list, config: Configuration, manager: JobManager) -> JobSubmittedResult:
    """Starts the job of already planned table sinks (table.dml-sync: and waits for it)."""
    name = "insert-into_" + ",".join(".".join(s.identifier) for s in planned)
    job, _ = _submit(planned, config, manager, name)
    if config.get_bool("table.dml-sync"):
        job.wait()
        if job.error is not None:
            raise job.error
    return JobSubmittedResult(job.id, job.name)


def stop_job(
    manager: JobManager,
    job_id: str,
    pos=None,
    *,
    savepoint_dir: str | None = None,
    drain: bool = False,
) -> str | None:
    """Stops a job; with `savepoint_dir`, after taking a savepoint there (its path returned),
    drained first with `drain`. Without a savepoint the job is cancelled: Flink's client
    ignores WITH DRAIN there too."""
    job = manager.find(job_id)
    if job is None:
        raise ValidationError(f"Could not stop job {job_id}: no such job in this session.", pos=pos)
    if job.status != RUNNING:
        raise ValidationError(f"Could not stop job {job_id}: it is {job.status}.", pos=pos)
    if savepoint_dir is not None:
        folder = job.stop_with_savepoint(
            checkpoints.savepoint_folder(savepoint_dir, job.id), drain=drain
        )
        return "file:" + str(folder.resolve())
    job.cancel()
    job.wait(10)
    return None


def match_recognize_sections(sinks: list, config: Configuration) -> str:
    """EXPLAIN's section for each MATCH_RECOGNIZE: the compiled automaton."""
    from flinklite.cep.extensions import describe_pattern
    from flinklite.planner import physical as P
    from flinklite.planner.translate import flink_compatible

    compatible = flink_compatible(dict(config.items()))
    out = []
    for sink in sinks:
        for node in P.walk(sink):
            if isinstance(node, P.Match):
                out.append(
                    "\n== MATCH_RECOGNIZE Pattern ==\n"
                    + describe_pattern(node.logical, flink_compatible=compatible).rstrip("\n")
                    + "\n"
                )
    return "".join(out)
