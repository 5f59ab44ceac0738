"""The standard-semantics matcher: routing, streaming decisions, EXPLAIN text and portability."""

from __future__ import annotations

import pytest
from harness import TICKER, build, find_match, ns, run

from flinklite.cep.extensions import describe_pattern, portability
from flinklite.cep.operator import StandardMatchOperator
from flinklite.errors import ExecutionError, FlinkliteError, ValidationError
from flinklite.runtime.operator import Collector, RuntimeContext

Q = (
    "SELECT * FROM Ticker MATCH_RECOGNIZE (PARTITION BY sym ORDER BY ts MEASURES {measures} "
    "{rows} {after} PATTERN ({pattern}) {subset} DEFINE A AS price > 10, B AS price <= 10)"
)
# Without AFTER MATCH, flinklite uses Flink's default SKIP TO NEXT ROW on both matchers.
PAST = "AFTER MATCH SKIP PAST LAST ROW"


def query(
    pattern: str, measures: str = "A.price AS p", rows: str = "", after: str = "", subset: str = ""
) -> str:
    return Q.format(pattern=pattern, measures=measures, rows=rows, after=after, subset=subset)


def ticks(*prices: int) -> list[tuple]:
    return [("S", p, 0, i + 1) for i, p in enumerate(prices)]


def match_of(sql: str):
    from flinklite.session import Session
    from flinklite.sql.parser import parse_query

    session = Session({"table.local-time-zone": "UTC"})
    try:
        session.execute_statement(TICKER)
        return find_match(session.binder().bind_query(parse_query(sql)))
    finally:
        session.close()


def test_flink_subset_stays_on_the_flink_matcher():
    assert not isinstance(build(query("A B")), StandardMatchOperator)
    assert portability(match_of(query("A B"))) == []


@pytest.mark.parametrize(
    "sql, reason",
    [
        (query("A B", rows="ALL ROWS PER MATCH"), "ALL ROWS PER MATCH"),
        (query("A | B"), "alternation"),
        (query("(A B)+"), "grouped sub-pattern"),
        (query("PERMUTE(A, B)"), "PERMUTE"),
        (query("A {- B -} A"), "exclusion"),
        (query("A B", measures="CLASSIFIER() AS c"), "CLASSIFIER()"),
        (query("A B", measures="MATCH_NUMBER() AS m"), "MATCH_NUMBER()"),
        (query("A B", measures="PREV(A.price, 2) AS p"), "physical navigation"),
        (query("A B+"), "Greedy quantifiers are not allowed as the last element"),
    ],
)
def test_extensions_are_listed_and_routed(sql, reason):
    assert any(reason in r for r in portability(match_of(sql)))
    assert isinstance(build(sql), StandardMatchOperator)
    with pytest.raises(FlinkliteError):
        build(sql, flink_compatible=True)


def test_flink_error_waits_for_the_configuration_when_not_told():
    from flinklite.cep.operator import create_match_operator
    from flinklite.expr.compiler import CompileContext

    match = match_of(query("A B", rows="ALL ROWS PER MATCH"))
    op = create_match_operator(match, match.input.fields, batch=False, compile_ctx=CompileContext())
    op.out = Collector()
    with pytest.raises(ValidationError, match="All rows per match mode is not supported yet"):
        op.open(RuntimeContext(config={"flinklite.flink-compatible": "true"}))
    op.open(RuntimeContext())  # the default configuration runs the extension


def test_greedy_last_is_decided_by_the_next_row_of_the_partition():
    op = build(query("A+", measures="COUNT(A.price) AS n", after=PAST))
    out = Collector()
    op.out = out
    op.open(RuntimeContext())
    for i, price in enumerate((20, 30, 5), 1):
        op.process("+I", ("S", price, 0, ns(i)))
        op.on_watermark(ns(i) // 1_000_000)
        if i == 2:
            assert out.changes == []  # a third row could still extend A+
    assert [row for _, row in out.changes] == [("S", 2)]


def test_end_of_input_decides_the_pending_match():
    rows, _ = run(query("A+", measures="COUNT(A.price) AS n", after=PAST), ticks(20, 30))
    assert rows == [("S", 2)]


def test_next_waits_for_the_following_row():
    rows, _ = run(query("A", measures="NEXT(A.price) AS n"), ticks(20, 30))
    assert rows == [("S", 30), ("S", None)]


def test_partitions_keep_their_own_match_numbers():
    sql = query("A", measures="MATCH_NUMBER() AS m")
    rows, _ = run(sql, [("S", 20, 0, 1), ("T", 20, 0, 2), ("S", 30, 0, 3)])
    assert rows == [("S", 1), ("T", 1), ("S", 2)]


def test_nested_quantifier_that_can_match_empty_terminates():
    rows, _ = run(query("(A?)*", measures="COUNT(A.price) AS n", after=PAST), ticks(20, 5))
    assert rows == [("S", 1), ("S", 0)]


def test_skip_to_the_first_row_of_the_match_fails():
    sql = query("A B", measures="MATCH_NUMBER() AS m", after="AFTER MATCH SKIP TO LAST A")
    with pytest.raises(ExecutionError, match="Could not skip to first element of a match"):
        run(sql, ticks(20, 5))


def test_exclusion_with_unmatched_rows_is_rejected():
    sql = query("A {- B -}", rows="ALL ROWS PER MATCH WITH UNMATCHED ROWS")
    with pytest.raises(ValidationError, match="Exclusion syntax"):
        build(sql)


def test_final_is_not_allowed_in_define():
    sql = query("A B").replace("B AS price <= 10", "B AS FINAL LAST(A.price) > 0")
    with pytest.raises(ValidationError, match="FINAL"):
        build(sql)


def test_describe_shows_flink_states_or_the_program():
    flink = describe_pattern(match_of(query("A B")))
    assert flink.startswith("NFA (Flink semantics)") and "take" in flink
    program = describe_pattern(match_of(query("A (B | A)")))
    assert "SPLIT" in program and "VAR B" in program and program.rstrip().endswith("DONE")
