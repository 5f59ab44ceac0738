"""Runs a MATCH_RECOGNIZE query's Match operator alone over rows given in the test, with a
watermark after every row (as the reference runs use `--watermark-interval 0`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from flinklite.cep.operator import create_match_operator
from flinklite.expr.compiler import CompileContext
from flinklite.planner import logical as L
from flinklite.runtime.operator import MAX_WATERMARK, Collector, RuntimeContext
from flinklite.session import Session
from flinklite.sql.parser import parse_query

# Ticker(sym STRING, price INT, tax INT, ts TIMESTAMP(3)), watermark = ts.
TICKER = """CREATE TABLE Ticker (
  sym STRING, price INT, tax INT, ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH ('connector' = 'filesystem', 'path' = '/nonexistent/t.csv', 'format' = 'csv')"""

EPOCH = dt.datetime(2024, 1, 1)


def ns(seconds: float) -> int:
    """2024-01-01 00:00:00 plus `seconds`, as epoch nanoseconds."""
    return (
        int(round(((EPOCH - dt.datetime(1970, 1, 1)).total_seconds() + seconds) * 1000)) * 1_000_000
    )


def find_match(rel: L.RelNode) -> L.Match:
    if isinstance(rel, L.Match):
        return rel
    for child in rel.inputs:
        found = find_match(child)
        if found is not None:
            return found
    return None  # type: ignore[return-value]


def build(sql: str, *, ddl: str = TICKER, batch: bool = False, flink_compatible: bool = False):
    session = Session({"table.local-time-zone": "UTC"})
    try:
        session.execute_statement(ddl)
        rel = session.binder().bind_query(parse_query(sql))
    finally:
        session.close()
    match = find_match(rel)
    return create_match_operator(
        match,
        match.input.fields,
        batch=batch,
        compile_ctx=CompileContext("UTC", batch),
        flink_compatible=flink_compatible,
    )


def run(
    sql: str,
    rows: Iterable[tuple],
    *,
    ddl: str = TICKER,
    time_index: int = 3,
    watermark_delay_ms: int = 0,
    batch: bool = False,
    flink_compatible: bool = False,
) -> tuple[list[tuple], RuntimeContext]:
    """The Match operator's output rows for `rows` (timestamps as seconds after 2024-01-01 in
    column `time_index`), a watermark of `ts - delay` after each row, MAX at the end."""
    op = build(sql, ddl=ddl, batch=batch, flink_compatible=flink_compatible)
    out = Collector()
    op.out = out
    ctx = RuntimeContext(batch=batch)
    op.open(ctx)
    wm = -(2**63)
    for r in rows:
        r = tuple(r)
        r = r[:time_index] + (ns(r[time_index]),) + r[time_index + 1 :]
        op.process("+I", r)
        if not batch:
            wm = max(wm, r[time_index] // 1_000_000 - watermark_delay_ms)
            op.on_watermark(wm)
    op.on_watermark(MAX_WATERMARK)
    op.end_input()
    return [row for _, row in out.changes], ctx
