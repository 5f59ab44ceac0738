"""Session configuration: SET / RESET semantics, known keys with defaults, value checks.

Keys are Flink's (`execution.runtime-mode`, `table.local-time-zone`, `sql-client.*`) plus
flinklite's own under `flinklite.`; unknown keys are kept, as Flink keeps them."""

from __future__ import annotations

import datetime as dt

from flinklite.errors import Pos, ValidationError
from flinklite.options import ConfigOption, OptionValueError, parse_duration

# What happens to a job's checkpoints when it ends (Flink's ExternalizedCheckpointRetention):
# deleted whatever the end; kept when it fails; kept always. A killed process deletes nothing.
NO_EXTERNALIZED_CHECKPOINTS = "NO_EXTERNALIZED_CHECKPOINTS"
DELETE_ON_CANCELLATION = "DELETE_ON_CANCELLATION"
RETAIN_ON_CANCELLATION = "RETAIN_ON_CANCELLATION"
RETENTIONS = (DELETE_ON_CANCELLATION, RETAIN_ON_CANCELLATION, NO_EXTERNALIZED_CHECKPOINTS)

OPTIONS = {
    o.key: o
    for o in (
        ConfigOption(
            "execution.runtime-mode", "enum", "streaming", ("streaming", "batch", "automatic")
        ),
        ConfigOption(
            "sql-client.execution.result-mode", "enum", "table", ("table", "changelog", "tableau")
        ),
        ConfigOption("sql-client.execution.max-table-result.rows", "int", "1000000"),
        ConfigOption("sql-client.verbose", "boolean", "false"),
        ConfigOption("sql-client.display.max-column-width", "int", "30"),
        ConfigOption("table.display.max-column-width", "int", "30"),
        ConfigOption("sql-client.display.show-line-numbers", "boolean", "false"),
        ConfigOption("sql-client.display.color-schema", "string", "default"),
        ConfigOption("table.dml-sync", "boolean", "false"),
        ConfigOption("table.local-time-zone", "string", "default"),
        ConfigOption("table.exec.source.idle-timeout", "duration", "0 ms"),
        ConfigOption("pipeline.auto-watermark-interval", "duration", "200 ms"),
        ConfigOption("pipeline.name", "string", None),
        ConfigOption("parallelism.default", "int", "1"),
        ConfigOption("table.exec.state.ttl", "duration", "0 ms"),
        ConfigOption("flinklite.flink-compatible", "boolean", "false"),
        # Flink 2.3 refuses an INSERT into an upsert sink whose query is not keyed by the
        # primary key, unless ON CONFLICT says what to do; flinklite runs it and, while this
        # is true, says in EXPLAIN and `flinklite check` that Flink would not.
        ConfigOption("table.exec.sink.require-on-conflict", "boolean", "true"),
        # SHOW CREATE TABLE prints the values of secret options (passwords, JAAS configs).
        ConfigOption("flinklite.show-secrets", "boolean", "false"),
        # Checkpoints and restore, with Flink's keys (no interval: no checkpoints).
        ConfigOption("execution.checkpointing.interval", "duration", None),
        ConfigOption("execution.checkpointing.dir", "path", None),
        ConfigOption("execution.checkpointing.num-retained", "int", "1"),
        ConfigOption("execution.checkpointing.savepoint-dir", "path", None),
        ConfigOption(
            "execution.checkpointing.externalized-checkpoint-retention",
            "enum",
            "NO_EXTERNALIZED_CHECKPOINTS",
            RETENTIONS,
        ),
        ConfigOption("execution.state-recovery.path", "path", None),
        # Restart strategies (runtime/restart.py): unset, exponential-delay with checkpoints.
        # Their defaults are Flink's, in RestartStrategy: a key here only checks its value.
        ConfigOption("restart-strategy.type", "string", None),
        ConfigOption("restart-strategy.fixed-delay.attempts", "int", None),
        ConfigOption("restart-strategy.fixed-delay.delay", "duration", None),
        ConfigOption("restart-strategy.exponential-delay.initial-backoff", "duration", None),
        ConfigOption("restart-strategy.exponential-delay.max-backoff", "duration", None),
        ConfigOption("restart-strategy.exponential-delay.backoff-multiplier", "double", None),
        ConfigOption(
            "restart-strategy.exponential-delay.reset-backoff-threshold", "duration", None
        ),
        ConfigOption("restart-strategy.exponential-delay.jitter-factor", "double", None),
        ConfigOption(
            "restart-strategy.exponential-delay.attempts-before-reset-backoff", "int", None
        ),
    )
}

# Keys the Flink client still understands but renamed; SET warns and stores the new key.
DEPRECATED = {
    "execution.result-mode": "sql-client.execution.result-mode",
    "execution.max-table-result.rows": "sql-client.execution.max-table-result.rows",
    "execution.type": "execution.runtime-mode",
    "state.checkpoints.dir": "execution.checkpointing.dir",
    "state.checkpoints.num-retained": "execution.checkpointing.num-retained",
    "state.savepoints.dir": "execution.checkpointing.savepoint-dir",
    "execution.savepoint.path": "execution.state-recovery.path",
}


# Flink keys flinklite accepts (SET stores them, SET; lists them) but that change nothing here:
# SET says so instead of succeeding silently. Key prefixes end with a dot.
_ONE_TASK = "a job runs as one task"
_BATCHED = "rows are always processed in batches, with the changelog Flink emits without mini-batch"
_ONE_PHASE = "aggregates are planned in one phase"
NO_EFFECT = {
    "parallelism.default": _ONE_TASK,
    "table.exec.resource.default-parallelism": _ONE_TASK,
    "table.exec.mini-batch.enabled": _BATCHED,
    "table.exec.mini-batch.allow-latency": _BATCHED,
    "table.exec.mini-batch.size": _BATCHED,
    "table.optimizer.agg-phase-strategy": _ONE_PHASE,
    "table.optimizer.distinct-agg.split.enabled": _ONE_PHASE,
    "state.backend.type": "state is kept in memory and written to checkpoint files",
    "sql-client.display.show-line-numbers": "the result views show no line numbers",
    "pipeline.object-reuse": "rows are immutable tuples",
    "taskmanager.": "flinklite runs no cluster processes",
    "jobmanager.": "flinklite runs no cluster processes",
}


def no_effect(key: str) -> str | None:
    """Why a Flink key does nothing in flinklite, or None when it is honoured (or unknown)."""
    reason = NO_EFFECT.get(key)
    if reason is None:
        reason = next(
            (r for k, r in NO_EFFECT.items() if k.endswith(".") and key.startswith(k)), None
        )
    return reason


class Configuration:
    """The session's SET properties over the defaults given at start-up (-D)."""

    def __init__(self, initial: dict[str, str] | None = None) -> None:
        self._initial: dict[str, str] = {}
        for key, value in (initial or {}).items():
            key = DEPRECATED.get(key, key)  # -D with an older key means the new one
            self._initial[key] = check_value(key, value)
        self._values: dict[str, str] = dict(self._initial)

    @classmethod
    def from_properties(cls, properties: dict[str, str]) -> Configuration:
        """A read view of properties another engine validated and holds (a SQL Gateway
        session's), taken as they are."""
        config = cls()
        config._values = dict(properties)
        return config

    def get(self, key: str, default: str | None = None) -> str | None:
        if key in self._values:
            return self._values[key]
        if default is not None:
            return default
        option = OPTIONS.get(key)
        return option.default if option else None

    def get_bool(self, key: str) -> bool:
        return (self.get(key) or "false").strip().lower() == "true"

    def set(self, key: str, value: str, pos: Pos | None = None) -> str | None:
        """Stores a property; returns a warning text for deprecated keys."""
        warning = None
        if key in DEPRECATED:
            warning = (
                f"The specified key '{key}' is deprecated. Please use '{DEPRECATED[key]}' instead."
            )
            key = DEPRECATED[key]
        self._values[key] = check_value(key, value, pos)
        reason = no_effect(key)
        hashmap = key == "state.backend.type" and value.strip().lower() == "hashmap"
        if reason is not None and not hashmap:  # in-memory state is what flinklite keeps
            warning = f"'{key}' is accepted but has no effect in flinklite: {reason}."
        return warning

    def reset(self, key: str | None = None) -> None:
        if key is None:
            self._values = dict(self._initial)
        elif key in self._initial:
            self._values[key] = self._initial[key]
        else:
            self._values.pop(DEPRECATED.get(key, key), None)

    def items(self) -> list[tuple[str, str]]:
        """What `SET;` lists: every property set in this session or at start-up, by key."""
        return sorted(self._values.items())


def check_value(key: str, value: str, pos: Pos | None = None) -> str:
    option = OPTIONS.get(key)
    if option is None:
        return value
    text = value.strip()
    try:
        option.parse(text)
    except OptionValueError as e:
        raise ValidationError(str(e), pos=pos) from None
    return text.lower() if option.type in ("enum", "boolean") else value


def parse_duration_ms(text: str, key: str = "", pos: Pos | None = None) -> int:
    """A configuration key's duration in whole milliseconds; a clear error names the key."""
    try:
        return parse_duration(text) // dt.timedelta(milliseconds=1)
    except ValueError:
        raise ValidationError(
            f"Could not parse value '{text}' for key '{key}'. Expected a duration such as '200 ms' or '1 s'.",
            pos=pos,
        ) from None
