"""Specification of physical planning: Flink's operator names in EXPLAIN, changelog modes,
projection push-down, and the statements Flink rejects when it plans them."""

from __future__ import annotations

import pytest

from flinklite.errors import FlinkliteError
from flinklite.session import Session

SALES = """CREATE TABLE Sales (
  invoice_id STRING, user_id STRING, product_id STRING, quantity STRING, unit_cost STRING,
  purchase_time TIMESTAMP(3),
  WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH ('connector' = 'filesystem', 'path' = '/nonexistent/sales.csv', 'format' = 'csv')"""

SINKS = [
    "CREATE TABLE files (user_id STRING, cnt BIGINT) "
    "WITH ('connector' = 'filesystem', 'path' = '/tmp/x', 'format' = 'csv')",
    "CREATE TABLE console (user_id STRING, cnt BIGINT) WITH ('connector' = 'print')",
    "CREATE TABLE gen (v BIGINT) WITH ('connector' = 'datagen')",
]


@pytest.fixture
def session():
    s = Session({"table.local-time-zone": "UTC"})
    s.execute_statement(SALES)
    for ddl in SINKS:
        s.execute_statement(ddl)
    yield s
    s.close()


def explain(session: Session, sql: str) -> str:
    return session.execute_statement("EXPLAIN " + sql).text


def physical(text: str) -> str:
    return text.split("== Optimized Physical Plan ==\n", 1)[1].split("\n\n")[0]


def test_explain_has_flinks_three_sections(session):
    text = explain(session, "SELECT user_id, COUNT(*) FROM Sales GROUP BY user_id")
    assert text.index("== Abstract Syntax Tree ==") < text.index("== Optimized Physical Plan ==")
    assert text.index("== Optimized Physical Plan ==") < text.index(
        "== Optimized Execution Plan =="
    )


def test_group_by_plan_reads_only_the_used_fields(session):
    plan = physical(explain(session, "SELECT user_id, COUNT(*) FROM Sales GROUP BY user_id"))
    lines = [line.strip(" +-:") for line in plan.splitlines()]
    assert lines[0].startswith("Sink(table=[*anonymous_collect$1*]")
    assert lines[1] == "GroupAggregate(groupBy=[user_id], select=[user_id, COUNT(*) AS EXPR$0])"
    assert lines[2] == "Exchange(distribution=[hash[user_id]])"
    assert lines[3] == "Calc(select=[user_id])"
    assert lines[4].startswith("WatermarkAssigner(rowtime=[purchase_time]")
    assert "project=[user_id, purchase_time]" in lines[5]


def test_changelog_mode_of_an_aggregate_and_its_input(session):
    plan = physical(
        explain(session, "CHANGELOG_MODE SELECT user_id, COUNT(*) FROM Sales GROUP BY user_id")
    )
    assert "GroupAggregate(" in plan and "changelogMode=[I,UB,UA]" in plan
    assert "TableSourceScan(" in plan and plan.rstrip().endswith("changelogMode=[I])")


def test_aggregate_over_an_aggregate_consumes_and_produces_retractions(session):
    sql = (
        "CHANGELOG_MODE SELECT cnt, COUNT(*) FROM "
        "(SELECT user_id, COUNT(*) AS cnt FROM Sales GROUP BY user_id) GROUP BY cnt"
    )
    first = physical(explain(session, sql)).splitlines()[1]
    assert first.strip(" +-").startswith("GroupAggregate(groupBy=[cnt]")
    assert first.endswith("changelogMode=[I,UB,UA,D])")


def test_updating_result_into_an_append_only_sink_names_the_operator(session):
    with pytest.raises(FlinkliteError) as e:
        session.execute_statement(
            "INSERT INTO files SELECT user_id, COUNT(*) FROM Sales GROUP BY user_id"
        )
    assert (
        "Table sink 'default_catalog.default_database.files' doesn't support consuming update "
        "changes which is produced by node GroupAggregate(groupBy=[user_id]" in e.value.message
    )


def test_updating_result_into_print_is_planned_with_retractions(session):
    plan = physical(
        explain(
            session,
            "CHANGELOG_MODE INSERT INTO console SELECT user_id, COUNT(*) FROM Sales "
            "GROUP BY user_id",
        )
    )
    assert plan.startswith("Sink(table=[default_catalog.default_database.console]")
    assert "changelogMode=[I,UB,UA]" in plan.splitlines()[0]


def test_join_splits_equi_keys_from_the_remaining_condition(session):
    plan = physical(
        explain(
            session,
            "SELECT a.invoice_id FROM Sales a LEFT JOIN Sales b "
            "ON a.user_id = b.user_id AND a.quantity > b.quantity",
        )
    )
    assert "Join(joinType=[LeftJoin]" in plan
    assert plan.count("Exchange(distribution=[hash[user_id]])") == 2


def test_legacy_tumble_becomes_a_group_window_aggregate(session):
    plan = physical(
        explain(
            session,
            "SELECT user_id, TUMBLE_END(purchase_time, INTERVAL '5' SECOND), COUNT(*) FROM Sales "
            "GROUP BY user_id, TUMBLE(purchase_time, INTERVAL '5' SECOND)",
        )
    )
    assert "GroupWindowAggregate(groupBy=[user_id]" in plan
    assert "TumblingGroupWindow('w$, $f1, 5000)" in plan


def test_top_n_is_a_rank(session):
    plan = physical(
        explain(
            session,
            "SELECT * FROM (SELECT user_id, quantity, ROW_NUMBER() OVER (PARTITION BY user_id "
            "ORDER BY quantity DESC) AS rn FROM Sales) WHERE rn <= 2",
        )
    )
    assert "Rank(strategy=[AppendFastStrategy], rankType=[ROW_NUMBER]" in plan
    assert "rankRange=[rankStart=1, rankEnd=2], partitionBy=[user_id]" in plan


def test_streaming_rank_other_than_row_number_is_rejected(session):
    with pytest.raises(FlinkliteError, match="RANK\\(\\) on streaming table is not supported"):
        session.execute_statement(
            "EXPLAIN SELECT * FROM (SELECT user_id, RANK() OVER (PARTITION BY user_id "
            "ORDER BY quantity) AS r FROM Sales) WHERE r <= 2"
        )


def test_batch_mode_rejects_an_unbounded_source(session):
    session.execute_statement("SET 'execution.runtime-mode' = 'batch'")
    with pytest.raises(FlinkliteError, match="unbounded"):
        session.execute_statement("EXPLAIN SELECT v FROM gen")


def test_insert_with_a_column_list_writes_null_into_the_others(session):
    plan = physical(explain(session, "INSERT INTO console (user_id) SELECT user_id FROM Sales"))
    assert "Calc(select=[user_id, null:BIGINT AS cnt])" in plan


UPSERT_SINK = (
    "CREATE TABLE per_user (user_id STRING, cnt BIGINT, PRIMARY KEY (user_id) NOT ENFORCED) "
    "WITH ('connector' = 'upsert-kafka', 'topic' = 't', "
    "'properties.bootstrap.servers' = 'localhost:9092', 'key.format' = 'csv', "
    "'value.format' = 'csv')"
)


def test_an_upsert_sink_keyed_like_the_aggregate_gets_no_update_before(session):
    session.execute_statement(UPSERT_SINK)
    plan = physical(
        explain(
            session,
            "CHANGELOG_MODE INSERT INTO per_user SELECT user_id, COUNT(*) FROM Sales "
            "GROUP BY user_id",
        )
    ).splitlines()
    assert plan[0].endswith("changelogMode=[I,UA])")
    assert plan[1].strip(" +-").startswith("GroupAggregate(groupBy=[user_id]")
    assert plan[1].endswith("changelogMode=[I,UA])")


def test_an_upsert_sink_keyed_otherwise_gets_a_sink_materializer(session):
    session.execute_statement(UPSERT_SINK)
    plan = physical(
        explain(
            session,
            "CHANGELOG_MODE INSERT INTO per_user SELECT product_id, COUNT(*) FROM Sales "
            "GROUP BY user_id, product_id",
        )
    ).splitlines()
    assert plan[1].strip(" +-") == "SinkMaterializer(pk=[user_id], changelogMode=[I,UA,D])"
    assert "GroupAggregate(groupBy=[user_id, product_id]" in plan[3]
    assert plan[3].endswith("changelogMode=[I,UB,UA])")


TICKS = (
    "CREATE TABLE ticks (id INT, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) "
    "WITH ('connector' = 'datagen')"
)
EXTENDED_MATCH = (
    "SELECT * FROM ticks MATCH_RECOGNIZE (ORDER BY ts MEASURES CLASSIFIER() AS c "
    "ALL ROWS PER MATCH PATTERN (A | B) DEFINE A AS A.price > 10)"
)


def test_explain_shows_the_pattern_automaton_and_what_flink_would_reject(session):
    session.execute_statement(TICKS)
    flink_subset = explain(
        session,
        "SELECT * FROM ticks MATCH_RECOGNIZE (ORDER BY ts MEASURES A.id AS a "
        "PATTERN (A B+? C) DEFINE A AS A.price > 10, C AS C.price < 5)",
    )
    assert "== MATCH_RECOGNIZE Pattern ==\nNFA (Flink semantics)" in flink_subset
    assert "== Flink Compatibility ==" not in flink_subset
    extended = explain(session, EXTENDED_MATCH)
    assert "backtracking program (SQL standard semantics)" in extended
    assert (
        "== Flink Compatibility ==\nThis statement would not run on Flink 2.3 as written:\n"
        "- MATCH_RECOGNIZE uses what Flink's does not have: ALL ROWS PER MATCH; alternation (|) "
        "in PATTERN; CLASSIFIER().\n  Instead: keep to Flink's MATCH_RECOGNIZE" in extended
    )


LATEST_SINK = (
    "CREATE TABLE latest (id INT, price INT, PRIMARY KEY (id) NOT ENFORCED) WITH ("
    "'connector' = 'upsert-kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'h:9092', "
    "'key.format' = 'csv', 'value.format' = 'csv')"
)


@pytest.mark.parametrize(
    ("insert", "needs_on_conflict"),
    [
        # Insert-only rows into an upsert sink: no upsert key (Flink 2.3 refuses it).
        ("INSERT INTO latest SELECT id, price FROM ticks", "upsert key: none"),
        # Updates keyed by the primary key: Flink runs it as written.
        ("INSERT INTO latest SELECT id, CAST(COUNT(*) AS INT) FROM ticks GROUP BY id", None),
        # Updates keyed by other columns.
        ("INSERT INTO latest SELECT price, id FROM (SELECT id, MAX(price) AS price FROM ticks "
         "GROUP BY id)", "upsert key: price"),
    ],
)  # fmt: skip
def test_explain_says_when_flink_2_3_needs_on_conflict(session, insert, needs_on_conflict):
    session.execute_statement(TICKS)
    session.execute_statement(LATEST_SINK)
    text = explain(session, insert)
    if needs_on_conflict is None:
        assert "== Flink Compatibility ==" not in text
    else:
        assert (
            "- The query has an upsert key that differs from the primary key of the sink table "
            f"'default_catalog.default_database.latest'. Primary key: [id], {needs_on_conflict}."
        ) in text
        assert "Instead: write ON CONFLICT DO DEDUPLICATE after the query" in text


def test_explain_names_flinklite_s_own_connector(session):
    session.execute_statement(
        "CREATE TABLE sales (user_id STRING) WITH ('connector' = 'flinklite-generator', "
        "'data' = 'sales')"
    )
    text = explain(session, "SELECT user_id FROM sales")
    assert (
        "- Table 'sales' uses the 'flinklite-generator' connector, which is flinklite's own: "
        "Flink has no connector 'flinklite-generator'." in text
    )


def test_flink_compatible_mode_rejects_the_extensions_when_the_query_is_submitted(session):
    session.execute_statement(TICKS)
    session.execute_statement("SET 'flinklite.flink-compatible' = 'true'")
    with pytest.raises(FlinkliteError, match="All rows per match mode is not supported yet"):
        session.execute_statement(EXTENDED_MATCH)


def test_count_star_over_a_table_with_computed_columns_reads_only_the_rowtime(session):
    session.execute_statement(
        "CREATE TABLE orders (id BIGINT, amount INT, ts TIMESTAMP(3), pt AS PROCTIME(), "
        "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen', "
        "'number-of-rows' = '7')"
    )
    plan = physical(explain(session, "SELECT COUNT(*) FROM orders"))
    assert "Calc(select=[])" in plan and "project=[ts]" in plan
    result = session.execute_statement("SELECT COUNT(*) FROM orders")
    assert list(result.changes())[-1] == ("+U", (7,))
