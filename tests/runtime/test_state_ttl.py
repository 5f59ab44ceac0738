"""table.exec.state.ttl through a whole job: GROUP BY state of a key idle past the TTL is gone,
so its next row is an insert again, as in Flink; operators whose state does not expire yet
are named in a warning instead of the option being silently ignored."""

from __future__ import annotations

from flinklite.session import Session

SOURCE = (
    "CREATE TABLE n (v BIGINT, p AS PROCTIME()) WITH ('connector' = 'datagen', 'rows-per-second' = '2', "
    "'number-of-rows' = '6', 'fields.v.kind' = 'sequence', 'fields.v.start' = '1', "
    "'fields.v.end' = '6')"
)


def _changes(ttl: str, query: str) -> list:
    session = Session({"table.exec.state.ttl": ttl})
    try:
        session.execute_statement(SOURCE)
        return list(session.execute_statement(query).changes())
    finally:
        session.close()


def test_idle_groups_expire_and_start_again():
    query = "SELECT v % 2 AS k, COUNT(*) AS c FROM n GROUP BY v % 2"
    kept = _changes("1 h", query)
    assert [kind for kind, _ in kept].count("+I") == 2  # then updates
    # Each key comes every second; with a 400 ms TTL its group has expired by then.
    expiring = _changes("400 ms", query)
    inserts = [row for kind, row in expiring if kind == "+I"]
    assert len(inserts) > 2 and all(count == 1 for _, count in inserts)


def test_operators_whose_state_does_not_expire_are_named(capsys):
    _changes("1 h", "SELECT v, COUNT(*) OVER (PARTITION BY v % 2 ORDER BY p) FROM n")
    assert "does not expire the state of OverAggregate in job" in capsys.readouterr().err
    _changes("1 h", "SELECT v % 2, COUNT(*) FROM n GROUP BY v % 2")
    assert "table.exec.state.ttl" not in capsys.readouterr().err


def test_deduplication_and_top_n_forget_idle_keys():
    # Keep-first deduplication: a key seen again after the TTL counts as new (Flink's
    # ProcTimeDeduplicateKeepFirstRowFunction with state TTL); Top-1 likewise starts afresh.
    query_dedup = (
        "SELECT v FROM (SELECT v, ROW_NUMBER() OVER (PARTITION BY v % 2 "
        "ORDER BY p) AS r FROM n) WHERE r = 1"
    )
    assert len(_changes("1 h", query_dedup)) == 2
    assert len(_changes("400 ms", query_dedup)) > 2
    query_top1 = (
        "SELECT v FROM (SELECT v, ROW_NUMBER() OVER (PARTITION BY v % 2 "
        "ORDER BY v DESC) AS r FROM n) WHERE r = 1"
    )
    kept = _changes("1 h", query_top1)
    expiring = _changes("400 ms", query_top1)
    assert [kind for kind, _ in kept].count("+I") == 2
    assert [kind for kind, _ in expiring].count("+I") > 2


def test_set_operations_forget_idle_rows():
    # EXCEPT as Flink's aggregate: the left row's count expired, a right copy of it finds no
    # state, so the +I it caused is not retracted.
    from flinklite.runtime.operator import Collector, RuntimeContext
    from flinklite.runtime.operators.setop import SetOp

    clock = [0]
    for ttl, expected in ((0, [("+I", ("a",)), ("-D", ("a",))]), (1000, [("+I", ("a",))])):
        op = SetOp("except", False)
        op.out = Collector()
        op.open(RuntimeContext(state_ttl_ms=ttl, now_ms=lambda: clock[0]))
        clock[0] = 0
        op.process_side(0, "+I", ("a",))
        clock[0] = 2000
        op.process_side(1, "+I", ("a",))
        assert op.out.changes == expected
