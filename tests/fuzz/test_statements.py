"""Fuzzing whole statements: generated queries over two small tables (every column type, NULLs
included) are parsed, validated, planned, compiled and run to the end, in batch and streaming
mode. Each either returns its rows or fails with a flinklite error that has a message (never
an internal error), within a time budget.

The generator knows the grammar: expressions are columns, literals of every type, operators,
CASE, CAST / TRY_CAST and calls of every built-in scalar function with random arguments; the
queries filter, project, group, aggregate, join, union, sort and deduplicate. Most calls are
ill-typed on purpose: the binder must say so, not crash."""

from __future__ import annotations

import json

import pytest
from fuzzing import BOUNDED, LONG, clean_error, within
from hypothesis import given, settings
from hypothesis import strategies as st

from flinklite.errors import FlinkliteError
from flinklite.expr.functions_scalar import SCALAR_FUNCTIONS
from flinklite.results import ChangelogResult
from flinklite.session import Session

BUDGET_S = 15.0  # per statement, planning and running, on a slow machine

COLUMNS = {
    "i": "INT", "b": "BIGINT", "d": "DOUBLE", "m": "DECIMAL(10, 2)", "s": "STRING",
    "f": "BOOLEAN", "day": "DATE", "ts": "TIMESTAMP(3)", "arr": "ARRAY<INT>",
    "kv": "MAP<STRING, INT>",
}  # fmt: skip
ROWS = [
    {"i": 1, "b": 10, "d": 1.5, "m": "2.50", "s": "a", "f": True, "day": "2024-01-01",
     "ts": "2024-01-01 00:00:01", "arr": [1, 2], "kv": {"k": 1}},
    {"i": -2, "b": 9223372036854775807, "d": -0.0, "m": "-99999999.99", "s": "Ünï'%_",
     "f": False, "day": "1970-01-01", "ts": "2024-01-01 00:00:02.5", "arr": [], "kv": {}},
    {"i": None, "b": None, "d": None, "m": None, "s": None, "f": None, "day": None,
     "ts": "2024-01-01 00:00:03", "arr": None, "kv": None},
    {"i": 1, "b": 0, "d": 1e308, "m": "0.01", "s": "", "f": True, "day": "2024-02-29",
     "ts": "2024-01-01 00:00:09", "arr": [None], "kv": {"": None}},
]  # fmt: skip

LITERALS = [
    "0", "1", "-1", "2147483647", "-2147483648", "9223372036854775807", "1.5", "0.0", "1e10",
    "-1e-10", "12345678901234567890.123", "'a'", "''", "'%'", "'it''s'", "'2024-01-01'",
    "'1'", "NULL", "TRUE", "FALSE", "DATE '2024-02-29'", "TIMESTAMP '2024-01-01 12:00:00'",
    "TIME '12:34:56'", "INTERVAL '1' DAY", "INTERVAL '2' HOUR", "INTERVAL '1-2' YEAR TO MONTH",
    "ARRAY[1, 2, 3]", "MAP['k', 1]", "CAST(NULL AS INT)", "CAST(NULL AS STRING)", "X'00ff'",
]  # fmt: skip
TYPES = [
    "INT", "BIGINT", "TINYINT", "SMALLINT", "DOUBLE", "FLOAT", "DECIMAL(10, 2)", "DECIMAL(38, 18)",
    "STRING", "VARCHAR(3)", "CHAR(2)", "BOOLEAN", "DATE", "TIME", "TIMESTAMP(3)",
    "TIMESTAMP_LTZ(3)", "BYTES", "ARRAY<INT>", "MAP<STRING, INT>",
]  # fmt: skip
BINARY = ["+", "-", "*", "/", "%", "=", "<>", "<", "<=", ">", ">=", "AND", "OR", "||"]
SCALARS = sorted({f.name for f in SCALAR_FUNCTIONS if f.name[0].isalpha()})
AGGREGATES = ["COUNT", "SUM", "AVG", "MIN", "MAX", "STDDEV_POP", "VAR_SAMP", "LISTAGG",
              "FIRST_VALUE", "LAST_VALUE", "COLLECT"]  # fmt: skip


def expressions(columns: list[str]) -> st.SearchStrategy[str]:
    leaves = st.one_of(st.sampled_from(columns), st.sampled_from(LITERALS))

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        args = st.lists(inner, min_size=0, max_size=3).map(", ".join)
        return st.one_of(
            st.tuples(inner, st.sampled_from(BINARY), inner).map(
                lambda t: f"({t[0]} {t[1]} {t[2]})"
            ),
            st.tuples(st.sampled_from(["NOT", "-"]), inner).map(lambda t: f"({t[0]} {t[1]})"),
            st.tuples(st.sampled_from(SCALARS), args).map(lambda t: f"{t[0]}({t[1]})"),
            st.tuples(st.sampled_from(["CAST", "TRY_CAST"]), inner, st.sampled_from(TYPES)).map(
                lambda t: f"{t[0]}({t[1]} AS {t[2]})"
            ),
            st.tuples(inner, inner, inner).map(
                lambda t: f"CASE WHEN {t[0]} THEN {t[1]} ELSE {t[2]} END"
            ),
            st.tuples(inner, st.sampled_from(["IS NULL", "IS NOT NULL", "IS TRUE"])).map(" ".join),
            st.tuples(inner, inner, inner).map(lambda t: f"({t[0]} BETWEEN {t[1]} AND {t[2]})"),
            st.tuples(inner, st.lists(inner, min_size=1, max_size=3)).map(
                lambda t: f"({t[0]} IN ({', '.join(t[1])}))"
            ),
            st.tuples(inner, inner).map(lambda t: f"({t[0]} LIKE {t[1]})"),
            st.tuples(inner, inner).map(lambda t: f"{t[0]}[{t[1]}]"),
        )

    return st.recursive(leaves, extend, max_leaves=8)


COLS = list(COLUMNS)
scalar = expressions(COLS)


@st.composite
def queries(draw: st.DrawFn) -> str:
    shape = draw(
        st.sampled_from(["select", "group", "join", "union", "order", "distinct", "window"])
    )
    where = f" WHERE {draw(scalar)}" if draw(st.booleans()) else ""
    items = ", ".join(f"{draw(scalar)} AS c{k}" for k in range(draw(st.integers(1, 3))))
    if shape == "select":
        return f"SELECT {items} FROM t{where}"
    if shape == "group":
        key = draw(st.sampled_from(COLS + [draw(scalar)]))
        agg = draw(st.sampled_from(AGGREGATES))
        arg = "*" if agg == "COUNT" and draw(st.booleans()) else draw(scalar)
        having = f" HAVING {draw(scalar)}" if draw(st.booleans()) else ""
        return f"SELECT {key} AS k, {agg}({arg}) AS a FROM t{where} GROUP BY {key}{having}"
    if shape == "join":
        kind = draw(st.sampled_from(["JOIN", "LEFT JOIN", "FULL JOIN"]))
        on = draw(expressions([f"x.{c}" for c in COLS] + [f"y.{c}" for c in COLS]))
        return f"SELECT x.i, y.s FROM t AS x {kind} u AS y ON x.i = y.i AND ({on})"
    if shape == "union":
        op = draw(st.sampled_from(["UNION ALL", "UNION", "INTERSECT", "EXCEPT"]))
        return f"SELECT {draw(scalar)} AS c FROM t {op} SELECT {draw(scalar)} AS c FROM u"
    if shape == "order":
        return f"SELECT {items} FROM t{where} ORDER BY 1 LIMIT {draw(st.integers(0, 5))}"
    if shape == "distinct":
        return f"SELECT DISTINCT {items} FROM t{where}"
    size = draw(st.sampled_from(["1", "2", "5"]))
    return (
        f"SELECT window_start, COUNT(*), MAX({draw(scalar)}) FROM TABLE(TUMBLE(TABLE t, "
        f"DESCRIPTOR(ts), INTERVAL '{size}' SECOND)) GROUP BY window_start, window_end"
    )


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "rows.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in ROWS))
    columns = ", ".join(f"`{name}` {type_}" for name, type_ in COLUMNS.items())
    return [
        f"CREATE TABLE {name} ({columns}, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH "
        f"('connector' = 'filesystem', 'path' = '{path}', 'format' = 'json')"
        for name in ("t", "u")
    ]


def _run(tables: list[str], batch: bool, query: str) -> None:
    mode = "batch" if batch else "streaming"
    session = Session({"table.local-time-zone": "UTC", "execution.runtime-mode": mode})
    try:
        for ddl in tables:
            session.execute_statement(ddl)

        def execute() -> None:
            result = session.execute_statement(query)
            if isinstance(result, ChangelogResult):
                for _ in result.changes():
                    pass

        try:
            within(BUDGET_S, execute)
        except FlinkliteError as e:
            clean_error(e)
    finally:
        session.close()


def test_the_tables_hold_every_row(tables):
    session = Session({"execution.runtime-mode": "batch"})
    for ddl in tables:
        session.execute_statement(ddl)
    rows = list(session.execute_statement("SELECT * FROM t").changes())
    assert len(rows) == len(ROWS)


@settings(BOUNDED, max_examples=500)
@given(batch=st.booleans(), query=queries())
def test_generated_statements_run_or_fail_cleanly(tables, batch, query):
    _run(tables, batch, query)


@pytest.mark.fuzz_long
@settings(LONG, max_examples=5_000)
@given(batch=st.booleans(), query=queries())
def test_generated_statements_run_or_fail_cleanly_long(tables, batch, query):
    _run(tables, batch, query)
