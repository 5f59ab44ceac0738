"""Restart strategies, as Flink configures them: after a failure inside a job, whether to start
it again (from its latest checkpoint) and after how long.

`restart-strategy.type`: `none` (also `off`, `disable`), `fixed-delay` (`.attempts`, `.delay`)
or `exponential-delay` (`.initial-backoff`, `.max-backoff`, `.backoff-multiplier`,
`.reset-backoff-threshold`, `.jitter-factor`, `.attempts-before-reset-backoff`). Unset, it is
`exponential-delay` when the job checkpoints and `none` otherwise, as in Flink."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from flinklite.errors import ValidationError

NONE, FIXED_DELAY, EXPONENTIAL_DELAY = "none", "fixed-delay", "exponential-delay"
_ALIASES = {
    "none": NONE,
    "off": NONE,
    "disable": NONE,
    "fixed-delay": FIXED_DELAY,
    "fixeddelay": FIXED_DELAY,
    "exponential-delay": EXPONENTIAL_DELAY,
    "exponentialdelay": EXPONENTIAL_DELAY,
}


@dataclass(slots=True)
class RestartStrategy:
    kind: str = NONE
    attempts: int = 1  # fixed-delay: restarts before giving up
    delay_ms: int = 1000  # fixed-delay
    initial_ms: int = 1000  # exponential-delay
    max_ms: int = 60_000
    multiplier: float = 1.5
    reset_after_ms: int = 3_600_000  # a run this long resets the backoff
    jitter: float = 0.1
    attempts_before_reset: int = 2**31 - 1
    restarts: int = 0  # restarts so far
    _backoff_ms: float = field(default=0.0, repr=False)
    _since_reset: int = field(default=0, repr=False)

    def next_delay_ms(self, ran_ms: int, rng: Callable[[], float] = random.random) -> int | None:
        """After a failure of a run that lasted `ran_ms`: the delay before the next start, or
        None when the strategy gives up."""
        if self.kind == NONE:
            return None
        if self.kind == FIXED_DELAY:
            if self.restarts >= self.attempts:
                return None
            self.restarts += 1
            return self.delay_ms
        if ran_ms >= self.reset_after_ms:
            self._backoff_ms, self._since_reset = 0.0, 0
        if self._since_reset >= self.attempts_before_reset:
            return None
        self._backoff_ms = (
            self.initial_ms
            if not self._backoff_ms
            else min(self._backoff_ms * self.multiplier, self.max_ms)
        )
        self._since_reset += 1
        self.restarts += 1
        spread = self._backoff_ms * self.jitter
        return max(0, round(self._backoff_ms + (rng() * 2 - 1) * spread))

    def gave_up(self) -> str:
        """Why the strategy stopped restarting, for the job's error."""
        if self.kind == NONE:
            return "restart-strategy.type is none"
        return f"{self.kind} restart strategy gave up after {self.restarts} restart(s)"


def restart_strategy(
    get: Callable[[str], str | None], checkpointing: bool, parse_ms: Callable[[str, str], int]
) -> RestartStrategy:
    """The strategy the configuration (`get` a key) asks for."""
    written = get("restart-strategy.type")
    if written is None:
        kind = EXPONENTIAL_DELAY if checkpointing else NONE
    else:
        kind = _ALIASES.get(written.strip().lower(), "")
        if not kind:
            raise ValidationError(
                f"Unknown restart strategy '{written}' for 'restart-strategy.type'; use none, "
                "fixed-delay or exponential-delay"
            )
    strategy = RestartStrategy(kind)
    # Keys left unset keep the field's default (Flink's); set ones were checked by SET / -D.
    fixed, exp = "restart-strategy.fixed-delay.", "restart-strategy.exponential-delay."
    settings: list[tuple[str, str, Callable[[str, str], object]]] = [
        (fixed + "attempts", "attempts", lambda text, key: int(text)),
        (fixed + "delay", "delay_ms", parse_ms),
        (exp + "initial-backoff", "initial_ms", parse_ms),
        (exp + "max-backoff", "max_ms", parse_ms),
        (exp + "backoff-multiplier", "multiplier", lambda text, key: float(text)),
        (exp + "reset-backoff-threshold", "reset_after_ms", parse_ms),
        (exp + "jitter-factor", "jitter", lambda text, key: float(text)),
        (exp + "attempts-before-reset-backoff", "attempts_before_reset", lambda t, k: int(t)),
    ]
    for key, field_name, parse in settings:
        text = get(key)
        if text is not None:
            setattr(strategy, field_name, parse(text.strip(), key))
    return strategy
