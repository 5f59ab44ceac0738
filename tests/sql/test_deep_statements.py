"""Generated SQL is long and deep: thousands of OR/AND/+ terms, UNION ALL branches, nested
calls, CASEs, subqueries and brackets are parsed, bound, planned, compiled and run with the
right rows, each within seconds; a statement too deep even for that is one clear error."""

from __future__ import annotations

import time

import pytest

from flinklite.errors import ValidationError
from flinklite.session import Session

TERMS = 3000  # terms of a flat chain (a tree this deep)
DEPTH = 1000  # levels of explicit nesting
BUDGET_S = 20  # for one statement, on a slow 2-core machine

ROWS = "(VALUES (1), (2), (3), (CAST(NULL AS INT))) AS t(a)"


def _rows(sql: str) -> list:
    session = Session({"table.local-time-zone": "UTC", "execution.runtime-mode": "batch"})
    try:
        return sorted(
            (row for _, row in session.execute_statement(sql).changes()),
            key=repr,
        )
    finally:
        session.close()


CASES = {
    "or": (
        f"SELECT a FROM {ROWS} WHERE " + " OR ".join(f"a = {i}" for i in range(2, TERMS + 2)),
        [(2,), (3,)],
    ),
    "and": (
        f"SELECT a FROM {ROWS} WHERE " + " AND ".join(f"a <> {i}" for i in range(2, TERMS + 2)),
        [(1,)],
    ),
    "plus": (
        "SELECT " + " + ".join(["a"] * TERMS) + f" FROM {ROWS}",
        sorted([(None,)] + [(TERMS * i,) for i in (1, 2, 3)], key=repr),
    ),
    "concat": ("SELECT " + " || ".join(["'x'"] * TERMS) + " AS s", [("x" * TERMS,)]),
    "union": (
        " UNION ALL ".join(f"SELECT {i} AS x" for i in range(TERMS)),
        sorted(((i,) for i in range(TERMS)), key=repr),
    ),
    "calls": (
        "SELECT " + "ABS(" * DEPTH + "a - 5" + ")" * DEPTH + f" FROM {ROWS}",
        [(2,), (3,), (4,), (None,)],
    ),
    "case": (
        "SELECT " + "CASE WHEN a > 1 THEN " * DEPTH + "1" + " ELSE 0 END" * DEPTH + f" FROM {ROWS}",
        [(0,), (0,), (1,), (1,)],
    ),
    "subqueries": (
        "SELECT a FROM " + "(SELECT a FROM " * DEPTH + ROWS + ") " * DEPTH + "WHERE a > 2",
        [(3,)],
    ),
    "brackets": ("SELECT " + "(" * DEPTH + "a" + ")" * DEPTH + f" + 1 FROM {ROWS} WHERE a = 1",
                 [(2,)]),
    "arrays": ("SELECT CARDINALITY(" + "ARRAY[" * 300 + "1" + "]" * 300 + ")", [(1,)]),
}  # fmt: skip


@pytest.mark.parametrize("name", CASES)
def test_long_and_deep_statements_run(name):
    sql, expected = CASES[name]
    started = time.monotonic()
    assert _rows(sql) == expected
    assert time.monotonic() - started < BUDGET_S


def test_a_statement_too_deep_even_for_that_is_a_clear_error():
    sql = "SELECT " + "ABS(" * 30_000 + "1" + ")" * 30_000
    with pytest.raises(ValidationError, match="nested too deeply"):
        _rows(sql)
    # ...and the session goes on
    assert _rows("SELECT 1") == [(1,)]
