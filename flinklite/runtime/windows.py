"""Window assignment for the window aggregates: which TUMBLE / HOP / CUMULATE windows hold a
timestamp, and the shift between epoch time and the session time zone's wall clock.

All times here are epoch milliseconds; a window is (start, end) with `end` exclusive."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

TUMBLE, HOP, CUMULATE, SESSION = "TUMBLE", "HOP", "CUMULATE", "SESSION"


@dataclass(frozen=True, slots=True)
class WindowSpec:
    """A window as written in SQL, in milliseconds: TUMBLE(size [, offset]),
    HOP(slide, size [, offset]), CUMULATE(step = slide_ms, max size = size_ms [, offset]),
    SESSION(gap)."""

    kind: str
    size_ms: int = 0
    slide_ms: int = 0
    gap_ms: int = 0
    offset_ms: int = 0

    def __str__(self) -> str:
        if self.kind == SESSION:
            return f"SessionGroupWindow(gap=[{self.gap_ms} ms])"
        parts = [f"size=[{self.size_ms} ms]"]
        if self.kind == HOP:
            parts.insert(0, f"slide=[{self.slide_ms} ms]")
        if self.kind == CUMULATE:
            parts.insert(0, f"step=[{self.slide_ms} ms]")
        if self.offset_ms:
            parts.append(f"offset=[{self.offset_ms} ms]")
        return f"{self.kind}({', '.join(parts)})"


def window_start(ts: int, offset: int, size: int) -> int:
    """Flink's TimeWindow.getWindowStartWithOffset (floor, also for negative timestamps)."""
    return ts - (ts - offset) % size


def assigner(spec: WindowSpec) -> Callable[[int], list[tuple[int, int]]]:
    """A function from a timestamp to the windows holding it, earliest end first."""
    size, slide, offset = spec.size_ms, spec.slide_ms, spec.offset_ms
    if spec.kind == TUMBLE:

        def tumble(ts: int) -> list[tuple[int, int]]:
            start = ts - (ts - offset) % size
            return [(start, start + size)]

        return tumble
    if spec.kind == HOP:

        def hop(ts: int) -> list[tuple[int, int]]:
            last = ts - (ts - offset) % slide
            first = last
            while first - slide > ts - size:
                first -= slide
            return [(s, s + size) for s in range(first, last + 1, slide)]

        return hop
    if spec.kind == CUMULATE:

        def cumulate(ts: int) -> list[tuple[int, int]]:
            start = ts - (ts - offset) % size
            first_end = start + ((ts - start) // slide + 1) * slide
            return [(start, end) for end in range(first_end, start + size + 1, slide)]

        return cumulate
    raise ValueError(f"{spec.kind} windows are not assigned per timestamp")


class TimeShift:
    """Epoch milliseconds <-> wall-clock milliseconds of a time zone. Windows over a
    TIMESTAMP_LTZ attribute (and processing-time windows) are aligned to the session time zone,
    as Flink aligns them; UTC (and TIMESTAMP attributes) make both directions the identity."""

    def __init__(self, zone: str | None) -> None:
        self.identity = zone is None or zone.upper() in ("UTC", "Z", "GMT", "+00:00")
        self.zone = None if self.identity else ZoneInfo(zone)  # type: ignore[arg-type]

    def to_local(self, epoch_ms: int) -> int:
        if self.identity:
            return epoch_ms
        moment = dt.datetime.fromtimestamp(epoch_ms / 1000, self.zone)
        offset = moment.utcoffset() or dt.timedelta()
        return epoch_ms + int(offset.total_seconds() * 1000)

    def to_epoch(self, local_ms: int) -> int:
        if self.identity:
            return local_ms
        wall = dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=local_ms)
        offset = wall.replace(tzinfo=self.zone).utcoffset() or dt.timedelta()
        return local_ms - int(offset.total_seconds() * 1000)
