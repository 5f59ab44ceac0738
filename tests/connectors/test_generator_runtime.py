"""The flinklite-generator source: projected fields, the 'timestamp' metadata, bounded runs,
the simulated clock and the real one (paced, never blocking)."""

from __future__ import annotations

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.connectors.generator import GeneratorSource, parse_start_time
from flinklite.runtime.connector import ScanSpec
from flinklite.runtime.operator import RuntimeContext

SALES = tuple(
    RowField(n, T.string())
    for n in ("invoice_id", "user_id", "product_id", "quantity", "unit_cost")
)
TIME = (("timestamp", T.timestamp_ltz(3)),)
START = "2025-07-10 14:00:00"
START_NS = parse_start_time(START) * 10**6


def open_source(options, physical=SALES, metadata=TIME, now_ms=None) -> GeneratorSource:
    spec = ScanSpec("sales", {"data": "sales", **options}, {}, physical, SALES, metadata)
    src = GeneratorSource(spec)
    ctx = RuntimeContext() if now_ms is None else RuntimeContext(now_ms=now_ms)
    src.open(ctx)
    return src


def drain(src) -> list[tuple]:
    split = src.splits()[0]
    rows = []
    while (batch := split.poll()) is not None:
        rows.extend(batch)
    return rows


def test_simulated_clock_bounded_and_reproducible():
    options = {"clock": "simulated", "seed": 1, "number-of-rows": 250, "start-time": START}
    src = open_source(options)
    assert src.bounded
    rows = drain(src)
    assert len(rows) == 250
    assert rows == drain(open_source(options))
    assert rows[0][5] == START_NS
    assert rows[100][5] == START_NS + 1000 * 10**6  # the second batch, a second later
    assert all(len(r) == 6 and r[1].startswith("user-") for r in rows)


def test_projection_and_no_metadata():
    options = {"clock": "simulated", "seed": 1, "number-of-rows": 3, "start-time": START}
    full = drain(open_source(options))
    projected = drain(open_source(options, physical=(SALES[3], SALES[1]), metadata=()))
    assert projected == [(r[3], r[1]) for r in full]


def test_real_clock_paces_batches_by_the_wall_clock():
    now = [1_000_000]
    src = open_source({"seed": 1}, now_ms=lambda: now[0])
    assert not src.bounded
    split = src.splits()[0]
    first = split.poll()
    assert len(first) == 100 and first[0][5] == 1_000_000 * 10**6
    assert split.poll() == []  # the next batch is due a second later
    now[0] += 1000
    assert len(split.poll()) == 100


def test_start_time_in_the_session_zone():
    assert parse_start_time("1970-01-01T01:00:00", "Europe/Paris") == 0
    assert parse_start_time("1970-01-01 00:00:01Z") == 1000
