"""Subquery removal: IN / EXISTS become semi and anti joins, scalar subqueries a join with their
row; the shapes not supported yet are refused with a message saying what is."""

from __future__ import annotations

import pytest

from flinklite.errors import UnsupportedError
from flinklite.session import Session

TABLES = [
    "CREATE TABLE a (k INT, v STRING) WITH ('connector' = 'datagen')",
    "CREATE TABLE b (k INT, w INT) WITH ('connector' = 'datagen')",
]


@pytest.fixture
def session():
    s = Session()
    for ddl in TABLES:
        s.execute_statement(ddl)
    yield s
    s.close()


def physical(session, query: str) -> str:
    text = session.execute_statement("EXPLAIN " + query).text
    return text.split("== Optimized Physical Plan ==")[1].split("== Optimized Execution Plan")[0]


def test_in_is_a_semi_join_on_the_compared_columns(session):
    plan = physical(session, "SELECT * FROM a WHERE k IN (SELECT k FROM b)")
    assert "LeftSemiJoin" in plan
    assert "Exchange(distribution=[hash[k]])" in plan


def test_not_exists_is_an_anti_join_on_the_correlation(session):
    plan = physical(session, "SELECT * FROM a WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.k = a.k)")
    assert "LeftAntiJoin" in plan and "Exchange(distribution=[hash[k]])" in plan


def test_not_in_over_nullable_columns_is_null_aware(session):
    plan = physical(session, "SELECT * FROM a WHERE k NOT IN (SELECT k FROM b)")
    assert "LeftAntiJoin" in plan and "IS NULL" in plan


@pytest.mark.parametrize(
    ("query", "what"),
    [
        ("SELECT * FROM a WHERE k > (SELECT MAX(w) FROM b WHERE b.k > a.k)",
         "a correlated scalar subquery"),
        ("SELECT * FROM a WHERE k IN (SELECT k FROM b) OR v = 'x'", "IN inside an expression"),
        ("SELECT * FROM a WHERE k = (SELECT k FROM b)", "may return several rows"),
        ("SELECT * FROM a WHERE EXISTS (SELECT a.v FROM b)",
         "a reference to the outer query outside WHERE"),
    ],
)  # fmt: skip
def test_shapes_not_supported_yet_say_so(session, query, what):
    with pytest.raises(UnsupportedError, match=what):
        session.execute_statement("EXPLAIN " + query)
