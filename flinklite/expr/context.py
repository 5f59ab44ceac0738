"""What compiled expressions may depend on besides the row: the compile context the compiler
and the run-time function builders share."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from flinklite.expr import runtime_time as RT
from flinklite.runtime.rows import NANOS_PER_MILLI


def _now_ms() -> int:
    return time.time_ns() // NANOS_PER_MILLI


@dataclass
class CompileContext:
    """The session time zone (table.local-time-zone; 'default' is the machine's zone), batch or
    streaming mode (batch evaluates CURRENT_TIMESTAMP and friends once per query) and the
    processing-time clock."""

    local_time_zone: str = "UTC"
    batch: bool = False
    now_ms: Callable[[], int] = field(default=_now_ms)

    @property
    def tz(self) -> dt.tzinfo:
        return RT.zone(self.local_time_zone)
