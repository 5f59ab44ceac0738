"""ALTER TABLE changing a table's schema, with Flink 2.3's answers (recorded from the real
cluster; tests/flink/test_same_answers_as_flink.py checks them against it)."""

from __future__ import annotations

import pytest

from flinklite.errors import FlinkliteError
from flinklite.session import Session

TABLE = (
    "CREATE TABLE t (a INT, b STRING, ts TIMESTAMP(3), "
    "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen')"
)


@pytest.fixture
def session():
    s = Session()
    s.execute_statement(TABLE)
    yield s
    s.close()


def columns(session):
    return [(r[0], r[1], r[2]) for r in session.execute_statement("DESCRIBE t").rows]


def test_add_with_positions_modify_and_drop(session):
    session.execute_statement("ALTER TABLE t ADD c DOUBLE")
    session.execute_statement("ALTER TABLE t ADD (d INT FIRST, e AS a + 1 AFTER a)")
    session.execute_statement("ALTER TABLE t MODIFY b VARCHAR(10)")
    assert [c[0] for c in columns(session)] == ["d", "a", "e", "b", "ts", "c"]
    session.execute_statement("ALTER TABLE t DROP (d, e)")
    session.execute_statement("ALTER TABLE t DROP c")
    assert columns(session) == [
        ("a", "INT", True),
        ("b", "VARCHAR(10)", True),
        ("ts", "TIMESTAMP(3) *ROWTIME*", True),
    ]


def test_keys_watermarks_and_renames(session):
    session.execute_statement("ALTER TABLE t ADD PRIMARY KEY (a) NOT ENFORCED")
    session.execute_statement("ALTER TABLE t DROP PRIMARY KEY")
    session.execute_statement("ALTER TABLE t DROP WATERMARK")
    session.execute_statement("ALTER TABLE t ADD WATERMARK FOR ts AS ts")
    session.execute_statement("ALTER TABLE t RENAME b TO bb")
    # A key's columns stay NOT NULL once the key is dropped, as in Flink.
    assert columns(session) == [
        ("a", "INT", False),
        ("bb", "STRING", True),
        ("ts", "TIMESTAMP(3) *ROWTIME*", True),
    ]


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        ("ALTER TABLE t ADD a BIGINT", "Column `a` already exists in the table."),
        ("ALTER TABLE t MODIFY zz INT", "Column `zz` does not exist in the table."),
        ("ALTER TABLE t DROP zz", "The column `zz` does not exist in the base table."),
        ("ALTER TABLE t DROP ts", "The column `ts` is referenced by watermark expression."),
    ],
)
def test_flinks_refusals(session, statement, message):
    with pytest.raises(FlinkliteError) as caught:
        session.execute_statement(statement)
    assert caught.value.message == "Failed to execute ALTER TABLE statement.\n" + message
