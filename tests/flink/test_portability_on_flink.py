"""What `flinklite check` and EXPLAIN say Flink 2.3 would refuse, Flink 2.3 refuses, and what they
pass, Flink runs: each case is planned by flinklite and explained by the real cluster."""

from __future__ import annotations

import pytest

from flinklite.errors import FlinkliteError
from flinklite.gateway.session import RemoteSession
from flinklite.session import Session

TABLES = [
    "CREATE TABLE src (user_id STRING, product STRING, q INT, ts TIMESTAMP(3), "
    "WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen')",
    "CREATE TABLE upserts (user_id STRING, n BIGINT, PRIMARY KEY (user_id) NOT ENFORCED) WITH ("
    "'connector' = 'upsert-kafka', 'topic' = 't', 'properties.bootstrap.servers' = '127.0.0.1:9', "
    "'key.format' = 'csv', 'value.format' = 'csv')",
    "CREATE TABLE keyed (user_id STRING, n BIGINT, PRIMARY KEY (user_id) NOT ENFORCED) "
    "WITH ('connector' = 'blackhole')",
]

INSERTS = [
    # insert-only rows into an upsert sink
    "INSERT INTO upserts SELECT user_id, CAST(q AS BIGINT) FROM src",
    # updates keyed by the primary key
    "INSERT INTO upserts SELECT user_id, COUNT(*) FROM src GROUP BY user_id",
    "INSERT INTO keyed SELECT user_id, COUNT(*) FROM src GROUP BY user_id",
    # updates keyed by other columns
    "INSERT INTO upserts SELECT product, COUNT(*) FROM src GROUP BY user_id, product",
    "INSERT INTO keyed SELECT product, COUNT(*) FROM src GROUP BY user_id, product",
    "INSERT INTO keyed SELECT user_id, n FROM (SELECT user_id, product, COUNT(*) AS n "
    "FROM src GROUP BY user_id, product)",
    # insert-only rows into a sink that takes them as they come
    "INSERT INTO keyed SELECT user_id, CAST(q AS BIGINT) FROM src",
    # a window aggregate (insert-only) into an upsert sink
    "INSERT INTO upserts SELECT user_id, COUNT(*) FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), "
    "INTERVAL '1' MINUTE)) GROUP BY user_id, window_start, window_end",
    # the latest row per key (deduplication), keyed by the primary key
    "INSERT INTO upserts SELECT user_id, CAST(q AS BIGINT) FROM (SELECT *, ROW_NUMBER() OVER "
    "(PARTITION BY user_id ORDER BY ts DESC) AS r FROM src) WHERE r = 1",
]

ON_CONFLICT = "The query has an upsert key that differs from the primary key of the sink table"


@pytest.fixture(scope="module")
def sessions(flink_cluster):
    gateway, _ = flink_cluster
    remote, local = RemoteSession(gateway), Session()
    for ddl in TABLES:
        remote.execute_statement(ddl)
        local.execute_statement(ddl)
    yield remote, local
    remote.close()


@pytest.mark.parametrize("insert", INSERTS)
def test_flinklite_says_on_conflict_is_needed_exactly_when_flink_refuses(sessions, insert):
    remote, local = sessions
    try:
        remote.execute_statement("EXPLAIN " + insert)
        flink_refuses = False
    except FlinkliteError as exc:
        assert ON_CONFLICT in exc.message, exc.message
        flink_refuses = True
    explained = local.execute_statement("EXPLAIN " + insert).text
    assert (ON_CONFLICT in explained) == flink_refuses


def test_what_check_calls_flinklite_s_own_flink_refuses(sessions):
    remote, _ = sessions
    with pytest.raises(FlinkliteError, match="flinklite-generator"):
        remote.execute_statement(
            "CREATE TABLE sales (user_id STRING) WITH ('connector' = 'flinklite-generator', "
            "'data' = 'sales')"
        )
        remote.execute_statement("EXPLAIN SELECT * FROM sales")
    with pytest.raises(FlinkliteError):
        remote.execute_statement(
            "EXPLAIN SELECT * FROM src MATCH_RECOGNIZE (ORDER BY ts MEASURES CLASSIFIER() AS c "
            "ALL ROWS PER MATCH PATTERN (A | B) DEFINE A AS A.q > 10)"
        )
