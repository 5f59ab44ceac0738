"""The Flink SQL parser: every construct parses to the expected AST, errors point at the problem.

Spot-checks fields rather than whole trees so each test states one fact about the grammar."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from flinklite.errors import SqlParseError, ValidationError
from flinklite.sql import ast
from flinklite.sql.parser import (
    RESERVED_KEYWORDS,
    parse_expression,
    parse_query,
    parse_statement,
    parse_type,
)

REFERENCE = Path("/work/shared/reference")


def select(sql: str) -> ast.Select:
    body = parse_query(sql).body
    assert isinstance(body, ast.Select)
    return body


def expr(sql: str) -> ast.Expr:
    return parse_expression(sql)


def call(sql: str) -> ast.FunctionCall:
    e = expr(sql)
    assert isinstance(e, ast.FunctionCall), e
    return e


def error(sql: str, parse=parse_statement) -> SqlParseError:
    with pytest.raises(SqlParseError) as info:
        parse(sql)
    return info.value


# ---------------------------------------------------------------------------------------------
# The tutorials' statements


def _tutorial_statements() -> list[str]:
    path = REFERENCE / "tutorial-facts.md"
    if not path.exists():
        return []
    text = path.read_text()
    out = []
    for block in re.findall(r"```sql\n(.*?)```", text, re.S):
        out += [s.strip() for s in re.split(r";\s*(?:\n|$)", block) if s.strip()]
    return out


TUTORIAL = _tutorial_statements()


@pytest.mark.skipif(not TUTORIAL, reason="reference material not available")
@pytest.mark.parametrize("sql", TUTORIAL, ids=[f"t{i}" for i in range(len(TUTORIAL))])
def test_tutorial_statement_parses(sql: str) -> None:
    assert isinstance(parse_statement(sql), ast.Statement)


def test_tutorial_source_table() -> None:
    stmt = parse_statement(
        """CREATE TABLE SalesRecordTable (
    invoice_id STRING,
    `purchase_time` TIMESTAMP(3) METADATA FROM 'timestamp',
    WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
    'connector' = 'kafka',
    'topic' = 'flink.sales.records'
);"""
    )
    assert isinstance(stmt, ast.CreateTable)
    assert stmt.name == ("SalesRecordTable",)
    physical, metadata = stmt.columns
    assert isinstance(physical, ast.PhysicalColumn) and physical.type.name == "STRING"
    assert isinstance(metadata, ast.MetadataColumn)
    assert metadata.name == "purchase_time" and metadata.key == "timestamp"
    assert metadata.type.name == "TIMESTAMP" and metadata.type.params == (3,)
    (wm,) = stmt.watermarks
    assert wm.column == ("purchase_time",)
    assert isinstance(wm.expr, ast.BinaryOp) and wm.expr.op == "-"
    assert isinstance(wm.expr.right, ast.IntervalLiteral)
    assert stmt.options[1] == ast.Property("topic", "flink.sales.records")


def test_tutorial_match_recognize() -> None:
    q = parse_query(
        """SELECT * FROM SalesRecordTable
MATCH_RECOGNIZE (
    PARTITION BY user_id
    ORDER BY purchase_time
    MEASURES
        UNUSUAL_SALE.invoice_id AS unusual_invoice_id,
        FIRST(TYPICAL_SALE.purchase_time) AS avg_first_sale_tstamp,
        LAST(TYPICAL_SALE.purchase_time, 1) AS avg_last_sale_tstamp
    ONE ROW PER MATCH
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (TYPICAL_SALE+? UNUSUAL_SALE) WITHIN INTERVAL '10' SECOND
    DEFINE
        UNUSUAL_SALE AS
            UNUSUAL_SALE.quantity > AVG(CAST(TYPICAL_SALE.quantity AS INT)) * 3
)"""
    )
    mr = q.body.from_
    assert isinstance(mr, ast.MatchRecognize)
    assert mr.input == ast.TableRef(("SalesRecordTable",))
    assert mr.partition_by == (ast.Identifier(("user_id",)),)
    assert [m.alias for m in mr.measures] == [
        "unusual_invoice_id",
        "avg_first_sale_tstamp",
        "avg_last_sale_tstamp",
    ]
    assert mr.measures[1].expr.name == ("FIRST",)
    assert mr.measures[2].expr.name == ("LAST",) and len(mr.measures[2].expr.args) == 2
    assert mr.rows_per_match == "ONE ROW PER MATCH"
    assert mr.after_match == ast.AfterMatch("PAST LAST ROW")
    assert mr.pattern == ast.PatternConcat(
        (
            ast.PatternQuantified(ast.PatternVar("TYPICAL_SALE"), 1, None, True, "+"),
            ast.PatternVar("UNUSUAL_SALE"),
        )
    )
    assert mr.within.value == "10" and mr.within.qualifier.start == "SECOND"
    assert mr.define[0].name == "UNUSUAL_SALE"


def test_distinct_over_parenthesised_expression() -> None:
    s = select("SELECT DISTINCT(user_id), quantity FROM SalesRecordTable WHERE quantity >= 3")
    assert s.distinct
    assert [i.expr for i in s.items] == [
        ast.Identifier(("user_id",)),
        ast.Identifier(("quantity",)),
    ]


def test_subquery_in_from_without_alias() -> None:
    s = select("SELECT product_id FROM (SELECT product_id FROM SalesRecordTable) WHERE 1 = 1")
    assert isinstance(s.from_, ast.SubqueryRef) and s.from_.alias is None


def test_view_with_columns_and_parenthesised_query() -> None:
    stmt = parse_statement(
        "CREATE TEMPORARY VIEW v (a, b) AS (SELECT x, CAST(TRIM(LEADING '£' from y) AS INT) FROM t);"
    )
    assert isinstance(stmt, ast.CreateView)
    assert stmt.temporary and stmt.columns == ("a", "b")
    inner = stmt.query.body
    assert isinstance(inner, ast.Query) and isinstance(inner.body, ast.Select)
    cast = inner.body.items[1].expr
    assert cast.operand == ast.FunctionCall(
        ("TRIM",),
        (ast.Symbol("LEADING"), ast.StringLiteral("£"), ast.Identifier(("y",))),
        syntax="FROM",
    )


# ---------------------------------------------------------------------------------------------
# Lexical structure


def test_keywords_are_case_insensitive_and_names_keep_case() -> None:
    s = select("select Foo AS Bar from MyTable where X is not null")
    assert s.items[0] == ast.SelectItem(ast.Identifier(("Foo",)), "Bar")
    assert s.from_ == ast.TableRef(("MyTable",))


def test_backtick_identifiers_with_escapes() -> None:
    assert expr("`a``b`") == ast.Identifier(("a`b",))
    assert expr("`timestamp`") == ast.Identifier(("timestamp",))
    assert expr("`my col`.`x`") == ast.Identifier(("my col", "x"))


def test_comments_are_ignored() -> None:
    s = select("SELECT a -- the a\n, /* b */ b FROM t /* multi\nline */")
    assert len(s.items) == 2


def test_string_literals() -> None:
    assert expr("'it''s'") == ast.StringLiteral("it's")
    assert expr("'£684'") == ast.StringLiteral("£684")
    assert expr("'a'\n'b'") == ast.StringLiteral("ab")
    assert expr("'€'") == ast.StringLiteral("€")


def test_numeric_and_binary_literals() -> None:
    assert expr("42") == ast.NumericLiteral("42")
    assert expr("1.50") == ast.NumericLiteral("1.50")
    assert expr("1e3") == ast.NumericLiteral("1e3")
    assert expr(".5") == ast.NumericLiteral(".5")
    assert expr("X'0aFF'") == ast.BinaryLiteral("0AFF")
    assert expr("-1") == ast.UnaryOp("-", ast.NumericLiteral("1"))


def test_non_reserved_keywords_are_names() -> None:
    s = select("SELECT key, data, name, `value`, topic, headers, first, last, type FROM t")
    names = [i.expr.parts[0] for i in s.items]
    assert names == ["key", "data", "name", "value", "topic", "headers", "first", "last", "type"]
    stmt = parse_statement("CREATE TABLE t (key STRING, version INT, `partition` INT) WITH ()")
    assert [c.name for c in stmt.columns] == ["key", "version", "partition"]


def test_reserved_keywords_list() -> None:
    for word in ("SELECT", "TIMESTAMP", "VALUE", "USER", "PARTITION", "OFFSET", "COUNT"):
        assert word in RESERVED_KEYWORDS
    for word in ("KEY", "DATA", "NAME", "FIRST", "LAST", "TUMBLE", "DESCRIPTOR", "SESSION"):
        assert word not in RESERVED_KEYWORDS


def test_hints() -> None:
    s = select("SELECT /*+ STATE_TTL('t'='1d') */ a FROM t /*+ OPTIONS('k'='v', 'k2'='v2') */")
    assert s.hints[0].name == "STATE_TTL"
    assert s.from_.hints == (
        ast.Hint("OPTIONS", options=(ast.Property("k", "v"), ast.Property("k2", "v2"))),
    )
    s = select("SELECT /*+ BROADCAST(u), LOOKUP('table'='u') */ * FROM t JOIN u ON t.a = u.a")
    assert [h.name for h in s.hints] == ["BROADCAST", "LOOKUP"]
    assert s.hints[0].args == ("u",)


# ---------------------------------------------------------------------------------------------
# Expressions


def test_precedence() -> None:
    e = expr("a OR b AND NOT c = 1 + 2 * 3")
    assert e.op == "OR"
    assert e.right.op == "AND"
    assert e.right.right == ast.UnaryOp(
        "NOT",
        ast.BinaryOp(
            "=",
            ast.Identifier(("c",)),
            ast.BinaryOp(
                "+",
                ast.NumericLiteral("1"),
                ast.BinaryOp("*", ast.NumericLiteral("2"), ast.NumericLiteral("3")),
            ),
        ),
    )
    # Calcite: || binds as tightly as * (precedence 60), + and - looser (40).
    assert expr("a + b || c").right.op == "||"
    assert expr("a - b - c").left.op == "-"


def test_comparison_operators() -> None:
    for op in ("=", "<>", "<", ">", "<=", ">="):
        assert expr(f"a {op} 1").op == op
    err = error("SELECT * FROM t WHERE a != 1")
    assert "Bang equal '!=' is not allowed" in err.message and err.pos.column == 25


def test_is_predicates() -> None:
    assert expr("x IS NULL") == ast.IsPredicate(ast.Identifier(("x",)), "NULL")
    assert expr("x IS NOT TRUE") == ast.IsPredicate(ast.Identifier(("x",)), "TRUE", True)
    assert expr("x IS UNKNOWN").test == "UNKNOWN"
    assert expr("x IS NOT FALSE").negated
    e = expr("a IS NOT DISTINCT FROM b")
    assert isinstance(e, ast.IsDistinctFrom) and e.negated
    assert expr("a = b IS NULL").operand.op == "="


def test_in_between_like() -> None:
    e = expr("x NOT IN (1, 2)")
    assert isinstance(e, ast.InList) and e.negated and len(e.items) == 2
    e = expr("x IN (SELECT a FROM t)")
    assert isinstance(e, ast.InSubquery) and not e.negated
    e = expr("x NOT BETWEEN SYMMETRIC 1 AND 2 AND y")
    assert e.op == "AND" and e.left.negated and e.left.symmetric
    assert not expr("x BETWEEN ASYMMETRIC 1 AND 2").symmetric
    e = expr("s NOT LIKE 'a%' ESCAPE '\\'")
    assert isinstance(e, ast.Like) and e.negated and e.escape == ast.StringLiteral("\\")
    e = expr("s SIMILAR TO 'a|b'")
    assert e.similar


def test_case_and_cast() -> None:
    e = expr("CASE WHEN a > 1 THEN 'x' WHEN a > 0 THEN 'y' ELSE 'z' END")
    assert e.operand is None and len(e.whens) == 2 and e.else_ == ast.StringLiteral("z")
    e = expr("CASE a WHEN 1 THEN 'one' END")
    assert e.operand == ast.Identifier(("a",)) and e.else_ is None
    assert expr("CAST(x AS BIGINT)") == ast.Cast(ast.Identifier(("x",)), ast.DataTypeSpec("BIGINT"))
    assert expr("TRY_CAST(x AS INT)").try_


def test_typed_and_interval_literals() -> None:
    assert expr("DATE '2024-01-01'") == ast.TypedLiteral("DATE", "2024-01-01")
    assert expr("TIME '10:00:00'").type_name == "TIME"
    assert expr("TIMESTAMP '2024-01-01 00:00:00.123'").type_name == "TIMESTAMP"
    assert expr("TIMESTAMP_LTZ '2024-01-01 00:00:00'").type_name == "TIMESTAMP_LTZ"
    i = expr("INTERVAL '10' SECOND")
    assert i == ast.IntervalLiteral("10", ast.IntervalQualifier("SECOND"))
    assert expr("INTERVAL '2' DAYS").qualifier.start == "DAY"
    assert expr("INTERVAL '10' MINUTES").qualifier.start == "MINUTE"
    q = expr("INTERVAL '1:30' MINUTE TO SECOND").qualifier
    assert (q.start, q.end) == ("MINUTE", "SECOND")
    assert expr("INTERVAL '10' SECOND(3)").qualifier.fractional_precision == 3
    assert expr("INTERVAL '1' DAY(2) TO SECOND(3)").qualifier == ast.IntervalQualifier(
        "DAY", 2, "SECOND", 3
    )
    assert expr("INTERVAL -'1' DAY").negative
    assert expr("INTERVAL '1-2' YEAR TO MONTH").qualifier.end == "MONTH"


def test_boolean_and_null_literals() -> None:
    assert expr("TRUE") == ast.BooleanLiteral(True)
    assert expr("false") == ast.BooleanLiteral(False)
    assert expr("NULL") == ast.NullLiteral()


def test_function_calls() -> None:
    assert call("COUNT(*)").args == (ast.Star(),)
    c = call("COUNT(DISTINCT user_id)")
    assert c.distinct and c.name == ("COUNT",)
    assert not call("SUM(ALL x)").distinct
    assert call("my_cat.my_db.f(x)").name == ("my_cat", "my_db", "f")
    assert call("upper(x)").name == ("UPPER",)
    assert call("concat_ws(',', a)").name == ("CONCAT_WS",)
    assert call("`myFunc`(x)").name == ("myFunc",)
    assert call("LEFT(unit_cost, 1)").name == ("LEFT",)
    assert call("RIGHT(s, 3)").name == ("RIGHT",)
    assert call("IF(a, 1, 2)").name == ("IF",)
    assert call("NOW()").args == ()
    assert call("CURRENT_ROW_TIMESTAMP()").name == ("CURRENT_ROW_TIMESTAMP",)


def test_niladic_functions() -> None:
    for name in ("CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "CURRENT_DATE", "CURRENT_TIME"):
        assert call(name) == ast.FunctionCall((name,), syntax="NILADIC")
    assert call("current_timestamp").name == ("CURRENT_TIMESTAMP",)


def test_special_function_syntax() -> None:
    s = ast.Identifier(("s",))
    assert call("TRIM(s)") == ast.FunctionCall(("TRIM",), (s,))
    assert call("TRIM(BOTH 'x' FROM s)").args == (ast.Symbol("BOTH"), ast.StringLiteral("x"), s)
    assert call("TRIM(TRAILING FROM s)").args[0] == ast.Symbol("TRAILING")
    assert call("TRIM('x' FROM s)").args[0] == ast.Symbol("BOTH")
    assert call("EXTRACT(HOUR FROM ts)").args == (ast.Symbol("HOUR"), ast.Identifier(("ts",)))
    assert call("EXTRACT(DOW FROM ts)").args[0] == ast.Symbol("DOW")
    c = call("SUBSTRING(s FROM 2 FOR 3)")
    assert c.syntax == "FROM" and len(c.args) == 3
    c = call("SUBSTRING(s, 2, 3)")
    assert c.syntax == "" and len(c.args) == 3
    c = call("POSITION('a' IN s)")
    assert c.args == (ast.StringLiteral("a"), s)
    c = call("OVERLAY(s PLACING 'x' FROM 2 FOR 3)")
    assert c.name == ("OVERLAY",) and len(c.args) == 4
    c = call("FLOOR(ts TO DAY)")
    assert c.args[1] == ast.Symbol("DAY") and c.syntax == "TO"
    assert call("CEIL(x)").args == (ast.Identifier(("x",)),)
    c = call("TIMESTAMPADD(DAY, 1, ts)")
    assert c.args[0] == ast.Symbol("DAY")
    c = call("TIMESTAMPDIFF(HOUR, a, b)")
    assert c.name == ("TIMESTAMPDIFF",) and c.args[0] == ast.Symbol("HOUR")


def test_aggregate_modifiers() -> None:
    c = call("COUNT(x) FILTER (WHERE x > 1)")
    assert isinstance(c.filter, ast.BinaryOp)
    c = call("LISTAGG(product_id, ',') WITHIN GROUP (ORDER BY product_id DESC)")
    assert c.within_group[0].descending
    c = call("LISTAGG(product_id, ',')")
    assert len(c.args) == 2


def test_over_windows() -> None:
    c = call(
        "ROW_NUMBER() OVER (PARTITION BY cp.user_id ORDER BY cp.purchased DESC, cp.rating DESC)"
    )
    assert c.over.partition_by == (ast.Identifier(("cp", "user_id")),)
    assert [o.descending for o in c.over.order_by] == [True, True]
    c = call("SUM(x) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)")
    assert c.over.frame == ast.WindowFrame(
        "ROWS", ast.FrameBound("UNBOUNDED PRECEDING"), ast.FrameBound("CURRENT ROW")
    )
    c = call(
        "AVG(x) OVER (PARTITION BY k ORDER BY ts "
        "RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW)"
    )
    assert c.over.frame.start.kind == "PRECEDING"
    assert isinstance(c.over.frame.start.offset, ast.IntervalLiteral)
    c = call("COUNT(*) OVER (ROWS 2 PRECEDING)")
    assert c.over.frame.end is None and c.over.frame.start.offset == ast.NumericLiteral("2")
    assert call("SUM(x) OVER w").over == ast.WindowSpec(name="w")


def test_field_access_and_subscripts() -> None:
    assert expr("r.f.g") == ast.Identifier(("r", "f", "g"))
    e = expr("(r).f")
    assert e == ast.FieldAccess(ast.Identifier(("r",)), "f")
    e = expr("f(x).g")
    assert isinstance(e, ast.FieldAccess) and e.field == "g"
    e = expr("arr[1]")
    assert e == ast.Subscript(ast.Identifier(("arr",)), ast.NumericLiteral("1"))
    e = expr("m['k'].f")
    assert isinstance(e, ast.FieldAccess) and isinstance(e.operand, ast.Subscript)


def test_constructors() -> None:
    assert expr("ROW(1, 'a')") == ast.RowConstructor(
        (ast.NumericLiteral("1"), ast.StringLiteral("a"))
    )
    assert expr("(1, 2)") == ast.RowConstructor(
        (ast.NumericLiteral("1"), ast.NumericLiteral("2")), explicit=False
    )
    assert expr("ARRAY[1, 2]").items == (ast.NumericLiteral("1"), ast.NumericLiteral("2"))
    assert len(expr("MAP['a', 1, 'b', 2]").items) == 4


def test_subquery_expressions() -> None:
    assert isinstance(expr("EXISTS (SELECT 1 FROM t)"), ast.Exists)
    assert isinstance(expr("(SELECT MAX(a) FROM t)"), ast.ScalarSubquery)
    e = expr("a > (SELECT 1)")
    assert isinstance(e.right, ast.ScalarSubquery)


def test_window_tvf_arguments() -> None:
    assert isinstance(expr("DESCRIPTOR(ts)"), ast.Descriptor)
    assert expr("DESCRIPTOR(ts)").columns == ("ts",)


def test_match_recognize_functions() -> None:
    assert call("PREV(A.price, 1)").name == ("PREV",)
    assert call("NEXT(A.price)").name == ("NEXT",)
    assert call("CLASSIFIER()").name == ("CLASSIFIER",)
    assert call("MATCH_NUMBER()").name == ("MATCH_NUMBER",)
    assert call("MATCH_ROWTIME()").name == ("MATCH_ROWTIME",)
    assert call("MATCH_ROWTIME(ts)").args == (ast.Identifier(("ts",)),)
    assert call("MATCH_PROCTIME()").name == ("MATCH_PROCTIME",)
    assert expr("FINAL LAST(A.price)") == ast.Navigation(
        "FINAL", ast.FunctionCall(("LAST",), (ast.Identifier(("A", "price")),))
    )
    assert expr("RUNNING COUNT(*)").semantics == "RUNNING"


# ---------------------------------------------------------------------------------------------
# Types


@pytest.mark.parametrize(
    "text, name, params",
    [
        ("STRING", "STRING", ()),
        ("VARCHAR(10)", "VARCHAR", (10,)),
        ("CHAR(3)", "CHAR", (3,)),
        ("CHARACTER VARYING(5)", "CHARACTER VARYING", (5,)),
        ("BOOLEAN", "BOOLEAN", ()),
        ("BINARY(4)", "BINARY", (4,)),
        ("VARBINARY(4)", "VARBINARY", (4,)),
        ("BYTES", "BYTES", ()),
        ("TINYINT", "TINYINT", ()),
        ("SMALLINT", "SMALLINT", ()),
        ("INT", "INT", ()),
        ("INTEGER", "INTEGER", ()),
        ("BIGINT", "BIGINT", ()),
        ("FLOAT", "FLOAT", ()),
        ("REAL", "REAL", ()),
        ("DOUBLE", "DOUBLE", ()),
        ("double precision", "DOUBLE PRECISION", ()),
        ("DECIMAL(10, 2)", "DECIMAL", (10, 2)),
        ("DEC(5)", "DEC", (5,)),
        ("NUMERIC", "NUMERIC", ()),
        ("DATE", "DATE", ()),
        ("TIME(3)", "TIME", (3,)),
        ("TIME WITHOUT TIME ZONE", "TIME", ()),
        ("TIMESTAMP(3)", "TIMESTAMP", (3,)),
        ("TIMESTAMP(6) WITHOUT TIME ZONE", "TIMESTAMP", (6,)),
        ("TIMESTAMP_LTZ(3)", "TIMESTAMP_LTZ", (3,)),
        ("NULL", "NULL", ()),
    ],
)
def test_simple_types(text: str, name: str, params: tuple[int, ...]) -> None:
    t = parse_type(text)
    assert (t.name, t.params, t.nullable) == (name, params, True)


def test_composite_types() -> None:
    t = parse_type("TIMESTAMP(3) WITH LOCAL TIME ZONE")
    assert t.name == "TIMESTAMP" and t.with_local_time_zone and t.params == (3,)
    t = parse_type("ARRAY<INT NOT NULL>")
    assert t.name == "ARRAY" and t.elements == (ast.DataTypeSpec("INT", nullable=False),)
    t = parse_type("INT ARRAY")
    assert t == ast.DataTypeSpec("ARRAY", elements=(ast.DataTypeSpec("INT"),))
    t = parse_type("MULTISET<STRING>")
    assert t.name == "MULTISET"
    t = parse_type("MAP<STRING, ARRAY<BIGINT>> NOT NULL")
    assert t.name == "MAP" and not t.nullable and t.elements[1].name == "ARRAY"
    t = parse_type("ROW<a INT, b STRING 'the b'>")  # a description is a bare string
    assert [f.name for f in t.fields] == ["a", "b"] and t.fields[1].comment == "the b"
    t = parse_type("ROW(a INT, `b c` ROW<x DOUBLE>)")
    assert t.fields[1].name == "b c" and t.fields[1].type.name == "ROW"
    t = parse_type("RAW('java.lang.Object', 'AAA=')")
    assert t.raw_args == ("java.lang.Object", "AAA=")
    t = parse_type("INTERVAL DAY(2) TO SECOND(3)")
    assert t.interval == ast.IntervalQualifier("DAY", 2, "SECOND", 3)
    assert not parse_type("STRING NOT NULL").nullable


# ---------------------------------------------------------------------------------------------
# Queries


def test_joins() -> None:
    s = select(
        "SELECT * FROM a INNER JOIN b ON a.x = b.x LEFT OUTER JOIN c USING (y) "
        "RIGHT JOIN d ON TRUE FULL JOIN e ON TRUE CROSS JOIN f, g"
    )
    j = s.from_
    kinds = []
    while isinstance(j, ast.Join):
        kinds.append(j.kind)
        j = j.left
    assert kinds == ["COMMA", "CROSS", "FULL", "RIGHT", "LEFT", "INNER"]
    left_join = s.from_.left.left.left.left
    assert left_join.using == ("y",) and left_join.outer_written
    assert s.from_.left.left.left.left.left.inner_written


def test_natural_join_and_parenthesised_join() -> None:
    s = select("SELECT * FROM (a JOIN b ON a.x = b.x) NATURAL JOIN c")
    assert s.from_.natural and isinstance(s.from_.left, ast.ParenRelation)


def test_table_aliases() -> None:
    s = select("SELECT * FROM SalesRecordTable sales JOIN t AS u (a, b) ON TRUE")
    assert s.from_.left.alias == "sales"
    assert s.from_.right.alias == "u" and s.from_.right.column_aliases == ("a", "b")


def test_lateral_and_unnest() -> None:
    s = select("SELECT * FROM t LEFT JOIN LATERAL TABLE(split(s)) ON TRUE")
    right = s.from_.right
    assert isinstance(right, ast.TableFunctionRef) and right.lateral
    assert right.call.name == ("SPLIT",)
    s = select("SELECT * FROM t, LATERAL TABLE(f(x)) AS T(a, b)")
    assert s.from_.right.alias == "T" and s.from_.right.column_aliases == ("a", "b")
    s = select("SELECT * FROM t CROSS JOIN UNNEST(arr) AS u(x)")
    assert isinstance(s.from_.right, ast.Unnest) and s.from_.right.column_aliases == ("x",)
    s = select("SELECT * FROM UNNEST(ARRAY[1, 2]) WITH ORDINALITY AS u(x, n)")
    assert s.from_.with_ordinality


def test_window_table_functions() -> None:
    s = select(
        "SELECT window_start, COUNT(*) FROM TABLE("
        "TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)) GROUP BY window_start"
    )
    tvf = s.from_
    assert isinstance(tvf, ast.TableFunctionRef) and tvf.call.name == ("TUMBLE",)
    table, desc, size = tvf.call.args
    assert table == ast.TableArgument(ast.TableRef(("Bid",)))
    assert desc == ast.Descriptor(("bidtime",))
    assert size.qualifier.start == "MINUTE"
    s = select(
        "SELECT * FROM TABLE(HOP(TABLE Bid, DESCRIPTOR(ts), INTERVAL '5' MINUTES, "
        "INTERVAL '10' MINUTES))"
    )
    assert len(s.from_.call.args) == 4
    s = select(
        "SELECT * FROM TABLE(CUMULATE(DATA => TABLE Bid, TIMECOL => DESCRIPTOR(ts), "
        "STEP => INTERVAL '2' MINUTES, SIZE => INTERVAL '10' MINUTES))"
    )
    names = [a.name for a in s.from_.call.args]
    assert names == ["DATA", "TIMECOL", "STEP", "SIZE"]
    s = select(
        "SELECT * FROM TABLE(SESSION(TABLE Bid PARTITION BY item, DESCRIPTOR(ts), "
        "INTERVAL '5' MINUTES))"
    )
    assert s.from_.call.args[0].partition_by == (ast.Identifier(("item",)),)


def test_temporal_join() -> None:
    s = select(
        "SELECT * FROM Orders AS o JOIN Rates FOR SYSTEM_TIME AS OF o.proc_time AS r "
        "ON o.currency = r.currency"
    )
    rates = s.from_.right
    assert rates.system_time == ast.Identifier(("o", "proc_time")) and rates.alias == "r"


def test_group_by_forms() -> None:
    s = select(
        "SELECT user_id, TUMBLE_END(event_time, INTERVAL '5' SECOND) FROM t "
        "GROUP BY user_id, TUMBLE(event_time, INTERVAL '5' SECOND) HAVING COUNT(*) > 1"
    )
    assert s.group_by[1].name == ("TUMBLE",)
    assert s.having.op == ">"
    s = select("SELECT a FROM t GROUP BY GROUPING SETS ((a, b), (a), ())")
    assert s.group_by[0] == ast.GroupingSets(
        "GROUPING SETS",
        (
            (ast.Identifier(("a",)), ast.Identifier(("b",))),
            (ast.Identifier(("a",)),),
            (),
        ),
    )
    assert select("SELECT a FROM t GROUP BY ROLLUP (a, b)").group_by[0].kind == "ROLLUP"
    assert select("SELECT a FROM t GROUP BY CUBE (a, b)").group_by[0].sets[1] == (
        ast.Identifier(("b",)),
    )


def test_named_windows() -> None:
    s = select("SELECT SUM(x) OVER w FROM t WINDOW w AS (PARTITION BY k ORDER BY ts)")
    assert s.windows[0].name == "w" and s.windows[0].spec.partition_by


def test_order_limit_offset_fetch() -> None:
    q = parse_query("SELECT a FROM t ORDER BY a DESC NULLS LAST, b ASC NULLS FIRST LIMIT 10")
    assert [(o.descending, o.nulls_first) for o in q.order_by] == [(True, False), (False, True)]
    assert q.limit == ast.NumericLiteral("10") and not q.fetch_written
    q = parse_query("SELECT a FROM t LIMIT 5 OFFSET 2")
    assert (q.limit.text, q.offset.text) == ("5", "2")
    q = parse_query("SELECT a FROM t OFFSET 2 ROWS FETCH FIRST 3 ROWS ONLY")
    assert (q.limit.text, q.offset.text, q.fetch_written) == ("3", "2", True)
    q = parse_query("SELECT a FROM t FETCH NEXT 1 ROW ONLY")
    assert q.limit.text == "1" and q.fetch_written


def test_set_operations() -> None:
    q = parse_query("SELECT 1 UNION ALL SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4")
    body = q.body
    assert body.op == "EXCEPT"
    assert body.left.op == "UNION" and body.left.all
    assert body.left.right.op == "INTERSECT"
    q = parse_query("(SELECT 1) UNION DISTINCT (SELECT 2) ORDER BY 1")
    assert q.body.distinct_written and isinstance(q.body.left, ast.Query)
    assert q.order_by


def test_with_values_and_table() -> None:
    q = parse_query("WITH a (x) AS (SELECT 1), b AS (SELECT * FROM a) SELECT * FROM b")
    assert [c.name for c in q.ctes] == ["a", "b"] and q.ctes[0].columns == ("x",)
    q = parse_query("VALUES (1, 'a'), (2, 'b')")
    assert q.body.rows[1] == (ast.NumericLiteral("2"), ast.StringLiteral("b"))
    assert parse_query("VALUES 1, 2").body.rows == (
        (ast.NumericLiteral("1"),),
        (ast.NumericLiteral("2"),),
    )
    assert parse_query("TABLE t").body == ast.TableQuery(("t",))


def test_select_items() -> None:
    s = select("SELECT *, t.*, a b, c AS d, 1 FROM t")
    assert s.items[0].expr == ast.Star()
    assert s.items[1].expr == ast.Star(("t",))
    assert s.items[2].alias == "b" and s.items[3].alias == "d"


def test_select_without_from() -> None:
    s = select("SELECT 1 + 1")
    assert s.from_ is None


def test_match_recognize_full_syntax() -> None:
    s = select(
        """SELECT * FROM Ticker MATCH_RECOGNIZE (
            PARTITION BY symbol ORDER BY rowtime
            MEASURES FINAL FIRST(A.price) AS a, RUNNING LAST(B.price, 1) AS b,
                     MATCH_ROWTIME() AS t, CLASSIFIER() AS c
            ALL ROWS PER MATCH WITH UNMATCHED ROWS
            AFTER MATCH SKIP TO FIRST B
            PATTERN (^ A{2,}? (B | C)* {- D -} PERMUTE(E, F) G{,3} H{1,2} I{3} J?? () $)
            WITHIN INTERVAL '1' HOUR
            SUBSET U = (A, B), V = (C)
            DEFINE A AS A.price > 10, B AS PREV(B.price) < B.price
        ) AS T (x, y)"""
    )
    mr = s.from_
    assert mr.alias == "T" and mr.column_aliases == ("x", "y")
    assert mr.rows_per_match == "ALL ROWS PER MATCH WITH UNMATCHED ROWS"
    assert mr.after_match == ast.AfterMatch("TO FIRST", "B")
    assert isinstance(mr.measures[0].expr, ast.Navigation)
    items = mr.pattern.items
    assert items[0] == ast.PatternAnchor("^") and items[-1] == ast.PatternAnchor("$")
    assert items[1] == ast.PatternQuantified(ast.PatternVar("A"), 2, None, True, "{2,}")
    assert isinstance(items[2].item, ast.PatternGroup)
    assert isinstance(items[2].item.item, ast.PatternAlternation)
    assert items[2].min == 0 and items[2].max is None
    assert items[3] == ast.PatternExclusion(ast.PatternVar("D"))
    assert isinstance(items[4], ast.PatternPermute)
    assert (items[5].min, items[5].max, items[5].text) == (0, 3, "{,3}")
    assert (items[6].min, items[6].max) == (1, 2)
    assert (items[7].min, items[7].max, items[7].text) == (3, 3, "{3}")
    assert (items[8].min, items[8].max, items[8].reluctant) == (0, 1, True)
    assert items[9] == ast.PatternGroup(None)
    assert [u.name for u in mr.subsets] == ["U", "V"] and mr.subsets[0].variables == ("A", "B")
    assert len(mr.define) == 2


@pytest.mark.parametrize(
    "clause, kind, var",
    [
        ("AFTER MATCH SKIP PAST LAST ROW", "PAST LAST ROW", None),
        ("AFTER MATCH SKIP TO NEXT ROW", "TO NEXT ROW", None),
        ("AFTER MATCH SKIP TO LAST B", "TO LAST", "B"),
        ("AFTER MATCH SKIP TO FIRST A", "TO FIRST", "A"),
        ("AFTER MATCH SKIP TO B", "TO", "B"),
    ],
)
def test_after_match_skip(clause: str, kind: str, var: str | None) -> None:
    s = select(
        f"SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts MEASURES A.x AS x {clause} "
        "PATTERN (A B) DEFINE A AS TRUE)"
    )
    assert s.from_.after_match == ast.AfterMatch(kind, var)


@pytest.mark.parametrize(
    "pattern, lo, hi, reluctant",
    [
        ("A*", 0, None, False),
        ("A+", 1, None, False),
        ("A?", 0, 1, False),
        ("A*?", 0, None, True),
        ("A+?", 1, None, True),
        ("A{2}", 2, 2, False),
        ("A{2,}", 2, None, False),
        ("A{2,}?", 2, None, True),
        ("A{,3}", 0, 3, False),
        ("A{1,3}?", 1, 3, True),
        ("A { 1 , 3 }", 1, 3, False),
    ],
)
def test_pattern_quantifiers(pattern: str, lo: int, hi: int | None, reluctant: bool) -> None:
    s = select(
        f"SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts PATTERN ({pattern} B) DEFINE B AS 1=1)"
    )
    q = s.from_.pattern.items[0]
    assert (q.min, q.max, q.reluctant) == (lo, hi, reluctant)


# ---------------------------------------------------------------------------------------------
# DDL


def test_create_table_full() -> None:
    stmt = parse_statement(
        """CREATE TEMPORARY TABLE IF NOT EXISTS cat.db.t (
            id BIGINT NOT NULL COMMENT 'the id',
            name STRING,
            cost AS price * quantity COMMENT 'computed',
            ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
            part INT METADATA VIRTUAL,
            headers MAP<STRING, BYTES> METADATA,
            WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,
            CONSTRAINT pk PRIMARY KEY (id, name) NOT ENFORCED
        ) COMMENT 'a table'
        PARTITIONED BY (name)
        WITH ('connector' = 'kafka')
        LIKE src (EXCLUDING ALL INCLUDING GENERATED OVERWRITING OPTIONS)"""
    )
    assert stmt.temporary and stmt.if_not_exists and stmt.name == ("cat", "db", "t")
    id_col, name_col, cost, ts, part, headers = stmt.columns
    assert not id_col.type.nullable and id_col.comment == "the id"
    assert isinstance(cost, ast.ComputedColumn) and cost.comment == "computed"
    assert isinstance(ts, ast.MetadataColumn) and ts.virtual and ts.key == "timestamp"
    assert part.key is None and part.virtual
    assert headers.type.name == "MAP" and not headers.virtual
    assert stmt.primary_key == ast.PrimaryKey(("id", "name"), "pk", False)
    assert stmt.comment == "a table" and stmt.partitioned_by == ("name",)
    assert stmt.like.source == ("src",)
    assert [(o.mode, o.feature) for o in stmt.like.options] == [
        ("EXCLUDING", "ALL"),
        ("INCLUDING", "GENERATED"),
        ("OVERWRITING", "OPTIONS"),
    ]


def test_primary_key_enforcement() -> None:
    stmt = parse_statement("CREATE TABLE t (a INT, PRIMARY KEY (a) ENFORCED)")
    assert stmt.primary_key.enforced
    stmt = parse_statement("CREATE TABLE t (a INT, PRIMARY KEY (a))")
    assert stmt.primary_key.enforced  # not written means ENFORCED, which validation rejects
    stmt = parse_statement("CREATE TABLE t (a INT PRIMARY KEY NOT ENFORCED, b INT)")
    assert stmt.columns[0].primary_key and stmt.primary_key is None
    with pytest.raises(ValidationError, match="ENFORCED"):
        parse_statement("CREATE TABLE t (a INT PRIMARY KEY)")
    with pytest.raises(ValidationError, match="Duplicate primary key"):
        parse_statement(
            "CREATE TABLE t (a INT PRIMARY KEY NOT ENFORCED, PRIMARY KEY (a) NOT ENFORCED)"
        )


def test_ctas() -> None:
    stmt = parse_statement("CREATE TABLE t WITH ('connector' = 'print') AS SELECT * FROM s")
    assert isinstance(stmt.as_query, ast.Query) and stmt.options and not stmt.columns


def test_create_function() -> None:
    stmt = parse_statement(
        "CREATE TEMPORARY FUNCTION currency_convert AS "
        "'com.github.streamshub.flink.functions.CurrencyConverter' "
        "USING JAR '/opt/flink-udf-currency-converter-1.0-SNAPSHOT.jar'"
    )
    assert stmt.temporary and not stmt.system and stmt.name == ("currency_convert",)
    assert stmt.class_name.endswith("CurrencyConverter")
    assert stmt.jars == ("/opt/flink-udf-currency-converter-1.0-SNAPSHOT.jar",)
    stmt = parse_statement(
        "CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS f AS 'a.B' LANGUAGE PYTHON "
        "USING JAR 'x.jar', JAR 'y.jar'"
    )
    assert stmt.system and stmt.if_not_exists and stmt.language == "PYTHON"
    assert stmt.jars == ("x.jar", "y.jar")
    assert parse_statement("CREATE FUNCTION f AS 'a.B' LANGUAGE JAVA").language == "JAVA"


def test_create_catalog_and_database() -> None:
    stmt = parse_statement("CREATE CATALOG c WITH ('type' = 'generic_in_memory')")
    assert stmt == ast.CreateCatalog("c", (ast.Property("type", "generic_in_memory"),))
    stmt = parse_statement("CREATE DATABASE IF NOT EXISTS c.db COMMENT 'x' WITH ('k' = 'v')")
    assert stmt.name == ("c", "db") and stmt.comment == "x" and stmt.if_not_exists


def test_drop() -> None:
    assert parse_statement("DROP TABLE IF EXISTS t") == ast.Drop("TABLE", ("t",), if_exists=True)
    assert parse_statement("DROP TEMPORARY VIEW v").temporary
    stmt = parse_statement("DROP TEMPORARY SYSTEM FUNCTION f")
    assert stmt.kind == "FUNCTION" and stmt.system and stmt.temporary
    assert parse_statement("DROP DATABASE db CASCADE").cascade is True
    assert parse_statement("DROP CATALOG IF EXISTS c") == ast.Drop(
        "CATALOG", ("c",), if_exists=True
    )


def test_alter_table() -> None:
    stmt = parse_statement("ALTER TABLE IF EXISTS t RENAME TO u")
    assert stmt == ast.AlterTable(("t",), "RENAME", new_name=("u",), if_exists=True)
    stmt = parse_statement("ALTER TABLE t SET ('k' = 'v', 'k2' = 'v2')")
    assert stmt.action == "SET" and len(stmt.options) == 2
    stmt = parse_statement("ALTER TABLE t RESET ('k', 'k2')")
    assert stmt.keys == ("k", "k2")


# ---------------------------------------------------------------------------------------------
# Other statements


def test_insert() -> None:
    stmt = parse_statement("INSERT INTO t SELECT * FROM s")
    assert stmt.table == ("t",) and not stmt.overwrite
    stmt = parse_statement(
        "INSERT OVERWRITE t /*+ OPTIONS('sink.parallelism'='2') */ "
        "PARTITION (dt='2024-01-01', h=1) (a, b) VALUES (1, 'x'), (2, 'y')"
    )
    assert stmt.overwrite and stmt.columns == ("a", "b")
    assert stmt.partition == (ast.Property("dt", "2024-01-01"), ast.Property("h", "1"))
    assert isinstance(stmt.query.body, ast.Values) and stmt.hints[0].name == "OPTIONS"
    stmt = parse_statement("INSERT INTO t (SELECT 1)")
    assert isinstance(stmt.query.body, ast.Query) and stmt.columns == ()


def test_statement_sets() -> None:
    stmt = parse_statement(
        "EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END;"
    )
    assert isinstance(stmt, ast.StatementSet) and len(stmt.inserts) == 2
    assert isinstance(parse_statement("BEGIN STATEMENT SET;"), ast.BeginStatementSet)
    assert isinstance(parse_statement("END"), ast.End)


def test_explain() -> None:
    stmt = parse_statement("EXPLAIN SELECT 1")
    assert isinstance(stmt.statement, ast.QueryStatement) and not stmt.plan_for
    assert parse_statement("EXPLAIN PLAN FOR INSERT INTO t SELECT 1").plan_for
    stmt = parse_statement("EXPLAIN CHANGELOG_MODE, ESTIMATED_COST, JSON_EXECUTION_PLAN SELECT 1")
    assert stmt.details == ("CHANGELOG_MODE", "ESTIMATED_COST", "JSON_EXECUTION_PLAN")
    stmt = parse_statement(
        "EXPLAIN PLAN_ADVICE EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; END"
    )
    assert isinstance(stmt.statement, ast.StatementSet)


@pytest.mark.parametrize(
    "sql, what, name",
    [
        ("SHOW TABLES", "TABLES", ()),
        ("SHOW VIEWS", "VIEWS", ()),
        ("SHOW FUNCTIONS", "FUNCTIONS", ()),
        ("SHOW USER FUNCTIONS", "USER FUNCTIONS", ()),
        ("SHOW JOBS", "JOBS", ()),
        ("SHOW CATALOGS", "CATALOGS", ()),
        ("SHOW DATABASES", "DATABASES", ()),
        ("SHOW MODULES", "MODULES", ()),
        ("SHOW FULL MODULES", "FULL MODULES", ()),
        ("SHOW JARS", "JARS", ()),
        ("SHOW CURRENT CATALOG", "CURRENT CATALOG", ()),
        ("show current database;", "CURRENT DATABASE", ()),
        ("SHOW CREATE TABLE t", "CREATE TABLE", ("t",)),
        ("SHOW CREATE VIEW db.v", "CREATE VIEW", ("db", "v")),
        ("SHOW COLUMNS FROM t", "COLUMNS", ("t",)),
        ("SHOW COLUMNS IN t", "COLUMNS", ("t",)),
        ("SHOW TABLES FROM db", "TABLES", ("db",)),
    ],
)
def test_show(sql: str, what: str, name: tuple[str, ...]) -> None:
    stmt = parse_statement(sql)
    assert (stmt.what, stmt.name) == (what, name)


def test_show_like() -> None:
    stmt = parse_statement("SHOW TABLES IN db NOT LIKE 'a%'")
    assert stmt.like == "a%" and stmt.not_like and stmt.name == ("db",)
    stmt = parse_statement("SHOW COLUMNS FROM t LIKE '%id'")
    assert stmt.like == "%id" and not stmt.not_like


def test_describe() -> None:
    assert parse_statement("DESCRIBE t") == ast.Describe(("t",))
    assert parse_statement("DESC EXTENDED db.t") == ast.Describe(("db", "t"), True, "DESC")


@pytest.mark.parametrize(
    "sql, key, value, quoted",
    [
        ("SET", None, None, True),
        ("SET;", None, None, True),
        (
            "SET 'sql-client.execution.result-mode' = 'tableau';",
            "sql-client.execution.result-mode",
            "tableau",
            True,
        ),
        ("SET execution.runtime-mode = batch", "execution.runtime-mode", "batch", False),
        (
            "SET sql-client.execution.result-mode=tableau;",
            "sql-client.execution.result-mode",
            "tableau",
            False,
        ),
        ("set table.exec.state.ttl = 1 h", "table.exec.state.ttl", "1 h", False),
    ],
)
def test_set(sql: str, key: str | None, value: str | None, quoted: bool) -> None:
    assert parse_statement(sql) == ast.Set(key, value, quoted)


def test_reset() -> None:
    assert parse_statement("RESET") == ast.Reset()
    assert parse_statement("RESET 'execution.savepoint.path';") == ast.Reset(
        "execution.savepoint.path"
    )
    assert parse_statement("RESET table.dml-sync") == ast.Reset("table.dml-sync")


def test_stop_job_use_and_client_commands() -> None:
    stmt = parse_statement("STOP JOB 'abc' WITH SAVEPOINT WITH DRAIN")
    assert stmt == ast.StopJob("abc", True, True)
    assert parse_statement("USE CATALOG c") == ast.Use(("c",), catalog=True)
    assert parse_statement("USE c.db") == ast.Use(("c", "db"))
    for command in ("HELP", "QUIT", "EXIT", "CLEAR"):
        assert parse_statement(command.lower() + ";") == ast.ClientCommand(command)


# ---------------------------------------------------------------------------------------------
# Positions


def test_positions_on_nodes() -> None:
    stmt = parse_statement("SELECT a,\n  b + 1 AS c\nFROM t")
    item = stmt.query.body.items[1]
    assert item.pos.line == 2 and item.pos.column == 3
    add = item.expr
    assert (add.pos.line, add.pos.column, add.pos.end_line, add.pos.end_column) == (2, 3, 2, 8)
    table = stmt.query.body.from_
    assert (table.pos.line, table.pos.column, table.pos.end_column) == (3, 6, 7)


def test_positions_are_script_relative() -> None:
    stmt = parse_statement("SELECT x\nFROM t", line=10, column=5)
    x = stmt.query.body.items[0].expr
    assert (x.pos.line, x.pos.column) == (10, 12)  # first line shifted by column - 1
    table = stmt.query.body.from_
    assert (table.pos.line, table.pos.column) == (11, 6)  # later lines only by line - 1


def test_error_positions_are_script_relative() -> None:
    err = error("SELECT a,\nFROM t", parse=lambda s: parse_statement(s, line=3, column=7))
    assert (err.pos.line, err.pos.column) == (4, 1)
    err = error("SELECT a, FROM t", parse=lambda s: parse_statement(s, line=3, column=7))
    assert (err.pos.line, err.pos.column) == (3, 17)


# ---------------------------------------------------------------------------------------------
# Errors


def test_missing_expression() -> None:
    err = error("SELECT a, FROM t")
    assert err.pos.column == 11 and err.pos.end_column == 15
    assert 'Encountered "FROM" at line 1, column 11' in err.message
    assert "expected one of an expression, '*'" in err.message


def test_trailing_comma_in_select() -> None:
    err = error("SELECT a,\n  b,\nFROM t")
    assert (err.pos.line, err.pos.column) == (3, 1) and "expression" in err.message


def test_unclosed_paren() -> None:
    err = error("SELECT COUNT(a FROM t")
    assert 'Encountered "FROM"' in err.message and "')'" in err.message
    err = error("SELECT (a + b FROM t")
    assert "')'" in err.message


def test_unexpected_end() -> None:
    err = error("SELECT * FROM t WHERE")
    assert err.message.startswith("SQL parse failed. Unexpected end of statement")
    assert "expected an expression" in err.message
    assert (err.pos.line, err.pos.column) == (1, 22)
    err = error("SELECT f(a")
    assert "Unexpected end of statement" in err.message and "')'" in err.message


def test_misspelt_keyword() -> None:
    err = error("SELEC * FROM t")
    assert (err.pos.column, err.pos.end_column) == (1, 6)
    assert "statement" in err.message
    assert err.hint == "did you mean 'SELECT'?"
    err = error("SELECT * FRM t")
    assert 'Encountered "t"' in err.message or 'Encountered "FRM"' in err.message


def test_unterminated_string() -> None:
    err = error("SELECT 'abc FROM t")
    assert "Unterminated string literal" in err.message
    assert (err.pos.line, err.pos.column) == (1, 8)


def test_double_quoted_identifier_rejected() -> None:
    err = error('SELECT "user_id" FROM t')
    assert err.pos.column == 8 and "double quotes" in err.message
    assert "backticks" in err.hint


def test_unterminated_backtick() -> None:
    err = error("SELECT `abc FROM t")
    assert "quoted identifier" in err.message


def test_reserved_word_as_column_name() -> None:
    err = error("CREATE TABLE t (id INT, timestamp TIMESTAMP(3))")
    assert err.pos.column == 25
    assert "`timestamp`" in err.hint
    err = error("SELECT value FROM t")
    assert err.hint is not None and "`value`" in err.hint


def test_trailing_comma_in_columns() -> None:
    err = error("CREATE TABLE t (a INT, b STRING,) WITH ()")
    assert 'Encountered ")"' in err.message and err.pos.column == 33


def test_missing_with_value() -> None:
    err = error("CREATE TABLE t (a INT) WITH ('connector' = )")
    assert "string literal" in err.message


def test_bad_data_type() -> None:
    err = error("CREATE TABLE t (a INTEGR)")
    assert "expected one of a data type, AS" in err.message and err.pos.column == 19


def test_limit_must_be_unsigned() -> None:
    err = error("SELECT * FROM t LIMIT -1")
    assert 'Encountered "-"' in err.message and "number" in err.message
    err = error("SELECT * FROM t LIMIT 1.5")
    assert "integer" in err.message


def test_two_statements_rejected() -> None:
    err = error("SELECT 1; SELECT 2")
    assert 'Encountered "SELECT"' in err.message and err.pos.column == 11


def test_garbage_character() -> None:
    err = error("SELECT a # b FROM t")
    assert 'Encountered "#"' in err.message and err.pos.column == 10


def test_double_slash_is_a_line_comment() -> None:
    # Calcite, so Flink, reads `//` like `--`.
    assert select("SELECT a // comment\nFROM t").from_ == ast.TableRef(("t",))


def test_cast_rejects_nullability() -> None:
    err = error("SELECT CAST(a AS INT NOT NULL) FROM t")
    assert 'Encountered "NOT"' in err.message
    assert expr("CAST(a AS ARRAY<INT NOT NULL>)").type.elements[0].nullable is False
    assert expr("CAST(a AS INT ARRAY)").type.name == "ARRAY"


def test_table_argument_must_be_a_table_name() -> None:
    err = error(
        "SELECT * FROM TABLE(TUMBLE(TABLE (SELECT * FROM t), DESCRIPTOR(ts), INTERVAL '1' MINUTE))"
    )
    assert 'Encountered "("' in err.message


def test_errors_carry_source_and_render_a_caret() -> None:
    err = error("SELECT a,\nFROM t")
    rendered = err.render()
    assert rendered.splitlines()[1:3] == ["FROM t", "^^^^"]


def test_empty_statement() -> None:
    err = error("   ")
    assert "Unexpected end of statement" in err.message


def test_no_tree_leaks() -> None:
    """Every rule has a transformer method: no lark Tree survives into the AST."""
    from lark import Tree

    def walk(node: object) -> None:
        assert not isinstance(node, Tree), node
        if isinstance(node, tuple):
            for x in node:
                walk(x)
        elif isinstance(node, ast.Node):
            for name in node.__dataclass_fields__:
                walk(getattr(node, name))

    for sql in TUTORIAL:
        walk(parse_statement(sql))


# ---------------------------------------------------------------------------------------------
# Speed: bench/parse_speed.py measures it; here only a bound no loaded machine should reach
# (about 8 ms per statement today), so a parser that falls off its LALR tables fails.


def test_a_tutorial_statement_parses_in_well_under_a_tenth_of_a_second() -> None:
    sql = TUTORIAL[10] if len(TUTORIAL) > 10 else "SELECT a, COUNT(*) FROM t GROUP BY a"
    parse_statement(sql)
    n = 20
    start = time.perf_counter()
    for _ in range(n):
        parse_statement(sql)
    per_ms = (time.perf_counter() - start) / n * 1000
    assert per_ms < 100, f"{per_ms:.1f} ms per statement; see bench/parse_speed.py"


def test_a_syntax_error_after_a_very_long_word_is_reported_at_once() -> None:
    # The reserved-word hint looks at the word before the error: linear in its length.
    parse_statement("SELECT 1")  # the parser's tables loaded
    for n in (20_000, 200_000):
        started = time.perf_counter()
        with pytest.raises(SqlParseError, match='Encountered "WHERE"'):
            parse_statement("SELECT " + "a" * n + " FROM WHERE")
        assert time.perf_counter() - started < 1.5, n
    with pytest.raises(SqlParseError) as caught:
        parse_statement("SELECT timestamp FROM t")
    assert "TIMESTAMP is a reserved keyword" in (caught.value.hint or "")
