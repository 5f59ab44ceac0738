"""Specification of MATCH_RECOGNIZE matching: the Match operator alone over small inputs.

Expected outputs in flink_expected.json were produced by real Flink 2.3 (the flink-oracle, a
watermark after every row, parallelism 1) on data/ticker.csv and data/late.csv; each case is
the same MATCH_RECOGNIZE run there and here, measures rendered as `a|b|..` strings."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from harness import build, run

from flinklite.errors import ExecutionError, FlinkliteError, UnsupportedError, ValidationError

HERE = Path(__file__).parent
CASES = json.loads((HERE / "flink_expected.json").read_text())


def load(name: str) -> list[tuple]:
    rows = []
    with open(HERE / "data" / name) as f:
        for sym, price, tax, ts in csv.reader(f):
            t = dt.datetime.strptime(ts, "%Y-%m-%d %H:%M:%S.%f")
            rows.append((sym, int(price), int(tax), (t - dt.datetime(2024, 1, 1)).total_seconds()))
    return rows


def render(v: object) -> str:
    if v is None:
        return "N"
    if isinstance(v, int) and v > 10**15:  # a TIMESTAMP(3) in epoch nanoseconds
        t = dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=v // 1000)
        return t.strftime("%Y-%m-%d %H:%M:%S.") + f"{t.microsecond // 1000:03d}"
    return str(v)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_same_matches_as_flink(case):
    late = case["table"] == "Late"
    rows = load("late.csv" if late else "ticker.csv")
    # Late's watermark trails its rows by one second.
    out, _ = run(case["sql"], rows, watermark_delay_ms=1000 if late else 0)
    partitioned = "PARTITION BY" in case["sql"]
    got = [
        [r[0] if partitioned else "-", "|".join(render(v) for v in (r[1:] if partitioned else r))]
        for r in out
    ]
    assert got == case["expected"]


def test_late_rows_are_dropped_and_counted():
    sql = next(c["sql"] for c in CASES if c["name"] == "late")
    _, ctx = run(sql, load("late.csv"), watermark_delay_ms=1000)
    # 3 (at 4s) and 3.5 arrive behind the watermark of 4s - 1s... 3.5 is still ahead: 2 late.
    assert ctx.metrics.get("numLateRecordsDropped", 0) > 0


def test_batch_mode_matches_like_streaming_on_ordered_input():
    sql = next(c["sql"] for c in CASES if c["name"] == "greedy_plus")
    rows = load("ticker.csv")
    assert sorted(run(sql, rows, batch=True)[0]) == sorted(run(sql, rows)[0])


def test_batch_mode_sorts_unordered_input():
    sql = next(c["sql"] for c in CASES if c["name"] == "reluctant_plus")
    rows = load("ticker.csv")
    assert sorted(run(sql, list(reversed(rows)), batch=True)[0]) == sorted(run(sql, rows)[0])


Q = "SELECT * FROM Ticker MATCH_RECOGNIZE (ORDER BY ts MEASURES A.price AS p {after} PATTERN ({pattern}) DEFINE A AS A.price > 0{define})"


def query(pattern: str, after: str = "", define: str = "") -> str:
    return Q.format(pattern=pattern, after=after, define=define)


@pytest.mark.parametrize(
    "pattern, message",
    [
        ("A B+", "Greedy quantifiers are not allowed as the last element"),
        ("A B*", "Greedy quantifiers are not allowed as the last element"),
        ("A B{2,3}", "Greedy quantifiers are not allowed as the last element"),
        ("A*? B*?", "Patterns that can produce empty matches are not supported"),
        ("A? B{0,2}? C?", "Patterns that can produce empty matches are not supported"),
        ("A B?? C", "Reluctant optional variables are not supported yet."),
        ("A B{,2}? C", "The from should be a positive number greater than 0"),
        ("A* B*? C", "Optional pattern cannot be preceded by greedy pattern"),
        ("A+ B? C", "Optional pattern cannot be preceded by greedy pattern"),
    ],
)
def test_patterns_flink_rejects(pattern, message):
    with pytest.raises(ValidationError, match=message.replace("?", r"\?").replace("(", r"\(")):
        build(query(pattern, define=", B AS B.price > 1"), flink_compatible=True)


@pytest.mark.parametrize(
    "pattern, message",
    [
        ("A (B | C)", "branching patterns"),
        ("A (B C)+ C", "Group patterns"),
        ("PERMUTE(A, B)", "PERMUTE"),
        ("A B A", "Pattern variables must be unique"),
    ],
)
def test_patterns_flink_does_not_support(pattern, message):
    with pytest.raises(FlinkliteError, match=message):
        build(query(pattern), flink_compatible=True)


def test_allowed_quantifiers_compile():
    for pattern in ("A B? C", "A{2} B", "A{0,2} B", "A+? B", "A*? B", "A{2,}? B", "A B{3}"):
        build(query(pattern, define=", B AS B.price > 1"))


def test_physical_offsets_are_rejected():
    with pytest.raises(ValidationError, match="physical offsets"):
        build(query("A B", define=", B AS B.price > PREV(B.price)"), flink_compatible=True)


def test_skip_to_first_element_of_the_match_fails_the_job():
    sql = query("A B", after="AFTER MATCH SKIP TO FIRST A")
    with pytest.raises(ExecutionError, match="Could not skip to first element of a match."):
        run(sql, load("ticker.csv"))


def test_skip_to_a_variable_without_rows_fails_the_job():
    sql = query("A B*? C", after="AFTER MATCH SKIP TO LAST B", define=", C AS C.price > 0")
    with pytest.raises(ExecutionError, match="Could not skip to B. No such element"):
        run(sql, load("ticker.csv"))


def test_all_rows_per_match_is_rejected_when_flink_compatible():
    sql = Q.replace("{after}", "ALL ROWS PER MATCH").format(pattern="A B", define="")
    with pytest.raises(ValidationError, match="All rows per match mode is not supported yet."):
        build(sql, flink_compatible=True)


def test_classifier_is_rejected_when_flink_compatible():
    sql = Q.replace("A.price AS p", "CLASSIFIER() AS p").format(after="", pattern="A B", define="")
    with pytest.raises(FlinkliteError, match="Unsupported call: CLASSIFIER"):
        build(sql, flink_compatible=True)


def test_state_of_finished_partitions_is_dropped():
    op = build(next(c["sql"] for c in CASES if c["name"] == "optional_past"))
    from flinklite.runtime.operator import MAX_WATERMARK, Collector, RuntimeContext

    op.out = Collector()
    op.open(RuntimeContext())
    op.on_watermark(MAX_WATERMARK)
    assert op.keys == {} and op.buffer == {}


def test_unsupported_error_is_a_flinklite_error():
    assert issubclass(UnsupportedError, FlinkliteError)
