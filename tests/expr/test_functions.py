"""Result types of built-in functions, each row observed on Flink 2.3 with the columns in
expr_cols (`SELECT UPPER(c) FROM t` is CHAR(5)), and the errors of wrong calls."""

import pytest
from expr_cols import col

from flinklite.errors import ValidationError
from flinklite.expr.functions import (
    BUILTINS,
    CallContext,
    function_names,
    lookup,
    lookup_table_function,
)
from flinklite.sql import ast


def infer(call: str, **ctx):
    name, _, rest = call.partition("(")
    args = [a.strip() for a in rest.rstrip(")").split(",") if a.strip()]
    nodes = tuple(_node(a) for a in args)
    fn = lookup(name)
    assert fn is not None, name
    return fn.infer([col(a) for a in args], CallContext(name, nodes, **ctx))


def _node(arg: str) -> ast.Expr:
    if arg[0].isdigit():
        return ast.NumericLiteral(arg)
    if arg.startswith("'"):
        return ast.StringLiteral(arg.strip("'"))
    if arg == "SYM":
        return ast.Symbol("DAY")
    return ast.Identifier((arg,))


SCALARS = [
    ("UPPER(s)", "STRING"),
    ("UPPER(c)", "CHAR(5)"),
    ("UPPER(sn)", "STRING NOT NULL"),
    ("LOWER(vc)", "VARCHAR(10)"),
    ("INITCAP(s)", "STRING"),
    ("TRIM(s)", "STRING"),
    ("TRIM(sn)", "STRING NOT NULL"),
    ("TRIM(c)", "VARCHAR(5)"),
    ("TRIM(SYM, 'x', s)", "STRING"),
    ("LTRIM(c)", "VARCHAR(5)"),
    ("RTRIM(sn)", "STRING NOT NULL"),
    ("SUBSTRING(s, 1)", "STRING"),
    ("SUBSTRING(s, 1, 2)", "STRING"),
    ("SUBSTRING(c, 1)", "VARCHAR(5)"),
    ("SUBSTRING(vc, 1)", "VARCHAR(10)"),
    ("SUBSTRING(sn, 1)", "STRING"),
    ("SUBSTR(s, 1, 2)", "STRING"),
    ("LEFT(s, 2)", "STRING"),
    ("RIGHT(sn, 2)", "STRING"),
    ("CONCAT(s, s)", "STRING"),
    ("CONCAT(c, c)", "STRING"),
    ("CONCAT(sn, 'a')", "STRING NOT NULL"),
    ("CONCAT_WS('x', sn, 'a')", "STRING NOT NULL"),
    ("||(s, s)", "STRING"),
    ("||(c, vc)", "VARCHAR(15)"),
    ("||(c, c)", "CHAR(10)"),
    ("CHAR_LENGTH(s)", "INT"),
    ("CHARACTER_LENGTH(sn)", "INT NOT NULL"),
    ("REPLACE(sn, 'a', 'x')", "STRING NOT NULL"),
    ("REGEXP(s, 'a')", "BOOLEAN"),
    ("REGEXP_REPLACE(sn, 'a', 'x')", "STRING NOT NULL"),
    ("REGEXP_EXTRACT(s, 'a', 1)", "STRING"),
    ("REGEXP_EXTRACT(sn, 'a')", "STRING"),
    ("SPLIT_INDEX(sn, 'x', 1)", "STRING"),
    ("SPLIT(sn, 'x')", "ARRAY<STRING> NOT NULL"),
    ("SPLIT(s, 'x')", "ARRAY<STRING>"),
    ("LPAD(sn, 1, 'x')", "STRING NOT NULL"),
    ("RPAD(s, 1, 'x')", "STRING"),
    ("REPEAT(s, 1)", "STRING"),
    ("REVERSE(sn)", "STRING"),
    ("POSITION('a', sn)", "INT NOT NULL"),
    ("LOCATE('a', s)", "INT"),
    ("LOCATE('a', sn, 2)", "INT NOT NULL"),
    ("OVERLAY(s, 'x', 2, 1)", "STRING"),
    ("OVERLAY(sn, 'x', 2)", "STRING NOT NULL"),
    ("ASCII(sn)", "INT NOT NULL"),
    ("CHR(inn)", "STRING"),
    ("MD5(s)", "CHAR(32)"),
    ("MD5(sn)", "CHAR(32) NOT NULL"),
    ("SHA1(s)", "CHAR(40)"),
    ("SHA256(s)", "CHAR(64)"),
    ("TO_BASE64(s)", "STRING"),
    ("FROM_BASE64(sn)", "STRING NOT NULL"),
    ("UUID()", "CHAR(36) NOT NULL"),
    ("IS_ALPHA(s)", "BOOLEAN NOT NULL"),
    ("IS_DIGIT(s)", "BOOLEAN NOT NULL"),
    ("STR_TO_MAP(s)", "MAP<STRING, STRING>"),
    ("HEX(i)", "STRING"),
    ("BIN(i)", "STRING"),
    ("JSON_VALUE(s, 'a')", "STRING"),
    ("JSON_QUERY(s, 'a')", "STRING"),
    ("JSON_EXISTS(s, 'a')", "BOOLEAN"),
    ("ABS(i)", "INT"),
    ("ABS(inn)", "INT NOT NULL"),
    ("ABS(dc)", "DECIMAL(10, 2)"),
    ("ROUND(d, 1)", "DOUBLE"),
    ("ROUND(dc, 1)", "DECIMAL(10, 1)"),
    ("ROUND(dc)", "DECIMAL(9, 0)"),
    ("ROUND(dc, 5)", "DECIMAL(10, 2)"),
    ("ROUND(i)", "INT"),
    ("ROUND(f, 1)", "FLOAT"),
    ("ROUND(1.5, 1)", "DECIMAL(2, 1) NOT NULL"),
    ("TRUNCATE(dc, 1)", "DECIMAL(10, 1)"),
    ("TRUNCATE(d)", "DOUBLE"),
    ("FLOOR(d)", "DOUBLE"),
    ("FLOOR(dc)", "DECIMAL(10, 0)"),
    ("FLOOR(dc2)", "DECIMAL(5, 0)"),
    ("CEIL(dc)", "DECIMAL(10, 0)"),
    ("CEILING(d)", "DOUBLE"),
    ("FLOOR(ts, SYM)", "TIMESTAMP(3)"),
    ("CEIL(ltz, SYM)", "TIMESTAMP_LTZ(3)"),
    ("FLOOR(dt, SYM)", "DATE"),
    ("MOD(i, 1)", "INT"),
    ("MOD(b, i)", "INT"),
    ("MOD(dc, i)", "DECIMAL(10, 2)"),
    ("POWER(i, 2)", "DOUBLE"),
    ("POWER(inn, 2)", "DOUBLE NOT NULL"),
    ("SQRT(i)", "DOUBLE"),
    ("LN(d)", "DOUBLE"),
    ("LOG(d)", "DOUBLE"),
    ("LOG(2, d)", "DOUBLE"),
    ("LOG10(i)", "DOUBLE"),
    ("LOG2(i)", "DOUBLE"),
    ("EXP(i)", "DOUBLE"),
    ("SIGN(i)", "INT"),
    ("SIGN(dc)", "DECIMAL(10, 2)"),
    ("RAND()", "DOUBLE NOT NULL"),
    ("RAND(i)", "DOUBLE"),
    ("RAND_INTEGER(1)", "INT NOT NULL"),
    ("RAND_INTEGER(i, 1)", "INT"),
    ("PI()", "DOUBLE NOT NULL"),
    ("E()", "DOUBLE NOT NULL"),
    ("SIN(i)", "DOUBLE"),
    ("COS(i)", "DOUBLE"),
    ("TAN(i)", "DOUBLE"),
    ("ASIN(d)", "DOUBLE"),
    ("ACOS(d)", "DOUBLE"),
    ("ATAN(d)", "DOUBLE"),
    ("ATAN2(i, d)", "DOUBLE"),
    ("DEGREES(i)", "DOUBLE"),
    ("RADIANS(dc)", "DOUBLE"),
    ("COT(d)", "DOUBLE"),
    ("CURRENT_TIMESTAMP()", "TIMESTAMP_LTZ(3) NOT NULL"),
    ("NOW()", "TIMESTAMP_LTZ(3) NOT NULL"),
    ("LOCALTIMESTAMP()", "TIMESTAMP(3) NOT NULL"),
    ("CURRENT_DATE()", "DATE NOT NULL"),
    ("CURRENT_TIME()", "TIME(0) NOT NULL"),
    ("LOCALTIME()", "TIME(0) NOT NULL"),
    ("CURRENT_ROW_TIMESTAMP()", "TIMESTAMP_LTZ(3) NOT NULL"),
    ("PROCTIME()", "TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*"),
    ("TO_TIMESTAMP(s)", "TIMESTAMP(3)"),
    ("TO_TIMESTAMP(sn)", "TIMESTAMP(3)"),
    ("TO_TIMESTAMP(s, 'x')", "TIMESTAMP(3)"),
    ("TO_TIMESTAMP_LTZ(b, 1)", "TIMESTAMP_LTZ(3)"),
    ("TO_TIMESTAMP_LTZ(b)", "TIMESTAMP_LTZ(3)"),
    ("TO_TIMESTAMP_LTZ(s)", "TIMESTAMP_LTZ(3)"),
    ("TO_TIMESTAMP_LTZ(dc, 1)", "TIMESTAMP_LTZ(3)"),
    ("TO_DATE(s)", "DATE"),
    ("TO_DATE(sn, 'x')", "DATE"),
    ("DATE_FORMAT(ts, 'x')", "STRING"),
    ("DATE_FORMAT(tsn, 'x')", "STRING"),
    ("DATE_FORMAT(s, 'x')", "STRING"),
    ("UNIX_TIMESTAMP()", "BIGINT NOT NULL"),
    ("UNIX_TIMESTAMP(s)", "BIGINT"),
    ("UNIX_TIMESTAMP(sn, 'x')", "BIGINT NOT NULL"),
    ("FROM_UNIXTIME(b)", "STRING"),
    ("FROM_UNIXTIME(i, 'x')", "STRING"),
    ("TIMESTAMPADD(SYM, 1, ts)", "TIMESTAMP(3)"),
    ("TIMESTAMPADD(SYM, 1, dt)", "DATE"),
    ("TIMESTAMPADD(SYM, 1, ltz)", "TIMESTAMP_LTZ(3)"),
    ("TIMESTAMPDIFF(SYM, ts, ts)", "INT"),
    ("TIMESTAMPDIFF(SYM, dt, ts)", "INT"),
    ("EXTRACT(SYM, ts)", "BIGINT"),
    ("EXTRACT(SYM, tsn)", "BIGINT NOT NULL"),
    ("YEAR(ts)", "BIGINT"),
    ("YEAR(tsn)", "BIGINT NOT NULL"),
    ("QUARTER(dt)", "BIGINT"),
    ("MONTH(ts)", "BIGINT"),
    ("WEEK(ts)", "BIGINT"),
    ("DAYOFYEAR(ts)", "BIGINT"),
    ("DAYOFMONTH(ts)", "BIGINT"),
    ("DAYOFWEEK(ts)", "BIGINT"),
    ("HOUR(tm)", "BIGINT"),
    ("MINUTE(ts)", "BIGINT"),
    ("SECOND(ltz)", "BIGINT"),
    ("CONVERT_TZ(s, 'a', 'x')", "STRING"),
    ("COALESCE(i, 1)", "INT NOT NULL"),
    ("COALESCE(i, inn)", "INT NOT NULL"),
    ("COALESCE(i, b, 1)", "BIGINT NOT NULL"),
    ("COALESCE(s, 'x')", "STRING NOT NULL"),
    ("COALESCE(NULL, 1)", "INT NOT NULL"),
    ("COALESCE(dc, 1)", "DECIMAL(12, 2) NOT NULL"),
    ("COALESCE(c, 'abcdefgh')", "VARCHAR(8) NOT NULL"),
    ("COALESCE(i)", "INT"),
    ("COALESCE(ts, ltz)", "TIMESTAMP_LTZ(3)"),
    ("COALESCE(ts, dt)", "DATE"),
    ("IFNULL(i, 1)", "INT NOT NULL"),
    ("IFNULL(i, b)", "BIGINT"),
    ("IFNULL(b, i)", "BIGINT"),
    ("IF(bo, 1, 2)", "INT"),
    ("IF(bo, c, 'abcdefgh')", "VARCHAR(8)"),
    ("NULLIF(i, 1)", "INT"),
    ("NULLIF(inn, 1)", "INT"),
    ("NULLIF(i, 's')", "INT"),
    ("GREATEST(i, b)", "BIGINT"),
    ("LEAST(i, 1)", "INT"),
    ("GREATEST(i, dc)", "DECIMAL(12, 2)"),
    ("CARDINALITY(arr)", "INT"),
    ("ELEMENT(arr)", "INT"),
    ("TYPEOF(i)", "STRING"),
]


@pytest.mark.parametrize(("call", "expected"), SCALARS)
def test_scalar_result_types(call, expected):
    assert infer(call).summary() == expected


AGGREGATES = [
    ("COUNT(i)", {}, "BIGINT NOT NULL"),
    ("COUNT(i, s)", {}, "BIGINT NOT NULL"),
    ("COUNT()", {"star": True}, "BIGINT NOT NULL"),
    ("GROUPING(s)", {"grouped": True}, "BIGINT NOT NULL"),
    ("GROUPING_ID(s, i)", {"grouped": True}, "BIGINT NOT NULL"),
    ("SUM(i)", {}, "INT"),
    ("SUM(inn)", {}, "INT"),
    ("SUM(inn)", {"grouped": True}, "INT NOT NULL"),
    ("SUM(inn)", {"over": True}, "INT NOT NULL"),
    ("SUM(b)", {}, "BIGINT"),
    ("SUM(ti)", {}, "TINYINT"),
    ("SUM(dc)", {}, "DECIMAL(38, 2)"),
    ("SUM(dcn)", {}, "DECIMAL(38, 2)"),
    ("SUM(d)", {}, "DOUBLE"),
    ("SUM(f)", {}, "FLOAT"),
    ("AVG(i)", {}, "INT"),
    ("AVG(inn)", {"over": True}, "INT NOT NULL"),
    ("AVG(b)", {}, "BIGINT"),
    ("AVG(ti)", {}, "TINYINT"),
    ("AVG(dc)", {}, "DECIMAL(38, 6)"),
    ("AVG(dc2)", {}, "DECIMAL(38, 6)"),
    ("AVG(d)", {}, "DOUBLE"),
    ("STDDEV_POP(i)", {}, "INT"),
    ("STDDEV_SAMP(d)", {}, "DOUBLE"),
    ("VAR_POP(dc)", {}, "DECIMAL(38, 6)"),
    ("VAR_SAMP(inn)", {}, "INT"),
    ("STDDEV(i)", {}, "INT"),
    ("VARIANCE(b)", {}, "BIGINT"),
    ("MIN(i)", {}, "INT"),
    ("MAX(s)", {}, "STRING"),
    ("MIN(inn)", {}, "INT"),
    ("MIN(inn)", {"grouped": True}, "INT NOT NULL"),
    ("MIN(rt)", {}, "TIMESTAMP(3) *ROWTIME*"),
    ("MAX(c)", {}, "CHAR(5)"),
    ("LISTAGG(s)", {}, "STRING"),
    ("LISTAGG(s, 'x')", {}, "STRING"),
    ("LISTAGG(c)", {}, "CHAR(5)"),
    ("LISTAGG(sn)", {"grouped": True}, "STRING NOT NULL"),
    ("FIRST_VALUE(i)", {}, "INT"),
    ("FIRST_VALUE(rt)", {}, "TIMESTAMP(3) *ROWTIME*"),
    ("LAST_VALUE(sn)", {}, "STRING"),
    ("COLLECT(i)", {}, "MULTISET<INT> NOT NULL"),
    ("COLLECT(sn)", {}, "MULTISET<STRING NOT NULL> NOT NULL"),
    ("ARRAY_AGG(i)", {}, "ARRAY<INT>"),
    ("ARRAY_AGG(sn)", {}, "ARRAY<STRING NOT NULL> NOT NULL"),
    ("ROW_NUMBER()", {"over": True}, "BIGINT NOT NULL"),
    ("RANK()", {"over": True}, "BIGINT NOT NULL"),
    ("DENSE_RANK()", {"over": True}, "BIGINT NOT NULL"),
    ("NTILE(2)", {"over": True}, "BIGINT NOT NULL"),
    ("PERCENT_RANK()", {"over": True}, "DOUBLE NOT NULL"),
    ("CUME_DIST()", {"over": True}, "DOUBLE NOT NULL"),
    ("LAG(i)", {"over": True}, "INT"),
    ("LAG(inn, 2)", {"over": True}, "INT"),
    ("LEAD(sn, 1, 'x')", {"over": True}, "STRING NOT NULL"),
    ("TUMBLE_START(rt, DAY)", {}, "TIMESTAMP(3) NOT NULL"),
    ("TUMBLE_END(rt, DAY)", {}, "TIMESTAMP(3) NOT NULL"),
    ("TUMBLE_ROWTIME(rt, DAY)", {}, "TIMESTAMP(3) *ROWTIME*"),
    ("TUMBLE_START(pt, DAY)", {}, "TIMESTAMP(3) NOT NULL"),
    ("TUMBLE_PROCTIME(pt, DAY)", {}, "TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*"),
    ("HOP_START(rt, DAY, DAY)", {}, "TIMESTAMP(3) NOT NULL"),
    ("HOP_END(rt, DAY, DAY)", {}, "TIMESTAMP(3) NOT NULL"),
    ("HOP_ROWTIME(rt, DAY, DAY)", {}, "TIMESTAMP(3) *ROWTIME*"),
    ("SESSION_START(rt, DAY)", {}, "TIMESTAMP(3) NOT NULL"),
    ("SESSION_END(rt, DAY)", {}, "TIMESTAMP(3) NOT NULL"),
    ("SESSION_ROWTIME(rt, DAY)", {}, "TIMESTAMP(3) *ROWTIME*"),
    ("FIRST(i)", {}, "INT"),
    ("LAST(sn)", {}, "STRING NOT NULL"),
    ("FIRST(rt)", {}, "TIMESTAMP(3) *ROWTIME*"),
    ("PREV(i)", {}, "INT"),
    ("NEXT(inn, 1)", {}, "INT"),
    ("CLASSIFIER()", {}, "STRING NOT NULL"),
    ("MATCH_NUMBER()", {}, "BIGINT NOT NULL"),
    ("MATCH_ROWTIME()", {}, "TIMESTAMP(3) NOT NULL *ROWTIME*"),
    ("MATCH_ROWTIME(rt)", {}, "TIMESTAMP(3) *ROWTIME*"),
    ("MATCH_PROCTIME()", {}, "TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*"),
]


@pytest.mark.parametrize(("call", "ctx", "expected"), AGGREGATES)
def test_aggregate_and_window_result_types(call, ctx, expected):
    assert infer(call, **ctx).summary() == expected


ERRORS = [
    ("UPPER(i)", "Cannot apply 'UPPER' to arguments of type 'UPPER(<INTEGER>)'. "
     "Supported form(s): 'UPPER(<CHARACTER>)'"),
    ("UPPER(s, s)", "Invalid number of arguments to function 'UPPER'. Was expecting 1 arguments"),
    ("UPPER()", "Invalid number of arguments to function 'UPPER'. Was expecting 1 arguments"),
    ("ROUND(d, 1, 2)", "Invalid number of arguments to function 'ROUND'. Was expecting 1 arguments"),
    ("LOCATE('a')", "Invalid number of arguments to function 'LOCATE'. Was expecting 2 arguments"),
    ("CONCAT()", "Invalid number of arguments to function 'CONCAT'. Was expecting 1 arguments"),
    ("LPAD(s, 1)", "Invalid number of arguments to function 'LPAD'. Was expecting 3 arguments"),
    ("COUNT()", "Invalid number of arguments to function 'COUNT'. Was expecting 1 arguments"),
    ("SUM(i, i)", "Invalid number of arguments to function 'SUM'. Was expecting 1 arguments"),
    ("ABS(s)", "Cannot apply 'ABS' to arguments of type 'ABS(<VARCHAR(2147483647)>)'. "
     "Supported form(s): 'ABS(<NUMERIC>)'\n'ABS(<DATETIME_INTERVAL>)'"),
    ("ROUND(s, 1)", "Cannot apply 'ROUND' to arguments of type 'ROUND(<VARCHAR(2147483647)>, "
     "<INTEGER>)'. Supported form(s): 'ROUND(<NUMERIC>, <INTEGER>)'\n'ROUND(<NUMERIC>)'"),
    ("SUBSTRING(i, 1)", "Cannot apply 'SUBSTRING' to arguments of type 'SUBSTRING(<INTEGER>, "
     "<INTEGER>)'. Supported form(s): 'SUBSTRING(<CHARACTER>, <INTEGER>)'\n"
     "'SUBSTRING(<CHARACTER>, <INTEGER>, <INTEGER>)'"),
    ("CONCAT(s, i)", "Cannot apply 'CONCAT' to arguments of type 'CONCAT(<VARCHAR(2147483647)>, "
     "<INTEGER>)'. Supported form(s): 'CONCAT(<CHARACTER>, ...)'"),
    ("MD5(i)", "Cannot apply 'MD5' to arguments of type 'MD5(<INTEGER>)'. "
     "Supported form(s): 'MD5(<STRING>)'"),
    ("MOD(d, 2)", "Cannot apply 'MOD' to arguments of type 'MOD(<DOUBLE>, <INTEGER>)'. "
     "Supported form(s): 'MOD(<EXACT_NUMERIC>, <EXACT_NUMERIC>)'"),
    ("TO_TIMESTAMP(i)", "Cannot apply 'TO_TIMESTAMP' to arguments of type 'TO_TIMESTAMP("
     "<INTEGER>)'. Supported form(s): 'TO_TIMESTAMP(<CHARACTER>)'\n"
     "'TO_TIMESTAMP(<CHARACTER>, <CHARACTER>)'"),
    ("LOWER(NULL)", "Illegal use of 'NULL'"),
    ("SUM(s)", "Cannot apply 'SUM' to arguments of type 'SUM(<VARCHAR(2147483647)>)'. "
     "Supported form(s): 'SUM(<NUMERIC>)'"),
    ("AVG(s)", "Cannot apply 'AVG' to arguments of type 'AVG(<VARCHAR(2147483647)>)'. "
     "Supported form(s): 'AVG(<NUMERIC>)'"),
    ("LISTAGG(i)", "Cannot apply 'LISTAGG' to arguments of type 'LISTAGG(<INTEGER>)'. "
     "Supported form(s): 'LISTAGG(<CHARACTER>)'\n'LISTAGG(<CHARACTER>, <CHARACTER>)'"),
    ("LISTAGG(s, s)", "Argument to function 'LISTAGG' must be a literal"),
    ("NTILE(i)", "Argument to function 'NTILE' must be a literal"),
    ("COALESCE(i, 'x')", "Invalid function call:\nCOALESCE(INT, CHAR(1) NOT NULL)"),
    ("IFNULL(i, 'x')", "Invalid function call:\nIFNULL(INT, CHAR(1) NOT NULL)"),
    ("TO_TIMESTAMP_LTZ(bo, 1)", "Invalid function call:\nTO_TIMESTAMP_LTZ(BOOLEAN, INT NOT NULL)"),
    ("IF(bo, i, 'x')", "Cannot apply 'IF' to arguments of type 'IF(<BOOLEAN>, <INTEGER>, "
     "<CHAR(1)>)'. Supported form(s): 'IF(<ANY_TYPE>, <NUMERIC_TYPE>, <NUMERIC_TYPE>)'"),
    ("IF(i, 1, 2)", "Cannot apply 'IF' to arguments of type 'IF(<INTEGER>, <INTEGER>, "
     "<INTEGER>)'. Supported form(s): 'IF(<ANY_TYPE>, <NUMERIC_TYPE>, <NUMERIC_TYPE>)'"),
    ("IF(bo, NULL, 1)", "Illegal use of 'NULL'"),
    ("GREATEST(i, s)", "All types in a comparison should support both 'EQUALS' and 'ORDER' "
     "comparison with each other. Can not compare INT with STRING"),
    ("||(s, i)", "Cannot apply '||' to arguments of type '<VARCHAR(2147483647)> || <INTEGER>'. "
     "Supported form(s): '<STRING> || <STRING>'"),
    ("LAG(i, 's')", "Cannot apply 'LAG' to arguments of type 'LAG(<INTEGER>, <CHAR(1)>)'. "
     "Supported form(s): 'LAG(<ANY>)'\n'LAG(<ANY>, <NUMERIC>)'\n'LAG(<ANY>, <NUMERIC>, <ANY>)'"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "message"), ERRORS)
def test_call_errors(call, message):
    with pytest.raises(ValidationError) as e:
        infer(call)
    assert e.value.message == message


def test_registry():
    names = function_names()
    assert names == sorted(names)
    assert {"UPPER", "COUNT", "TUMBLE", "CUMULATE", "MATCH_ROWTIME"} <= set(names)
    assert "||" not in names and "MATCH_NUMBER" not in function_names(include_extensions=False)
    assert lookup("upper") is BUILTINS["UPPER"]
    assert lookup("NO_SUCH") is None
    assert lookup("TUMBLE").kind == "group-window"
    assert lookup_table_function("tumble").kind == "table"
    assert lookup("COUNT").kind == "aggregate" and lookup("ROW_NUMBER").kind == "window"
    assert all(d.impl is None for d in BUILTINS.values())


def test_every_builtin_is_tested():
    tested = {c.partition("(")[0] for c, _ in SCALARS} | {
        c.partition("(")[0] for c, *_ in AGGREGATES
    }
    groups = {"TUMBLE", "HOP", "SESSION", "TUMBLE_ROWTIME", "HOP_PROCTIME", "SESSION_PROCTIME",
              "TUMBLE_END", "HOP_START"}  # fmt: skip
    untested = set(BUILTINS) - tested - groups
    assert untested <= {"SHA224", "SHA384", "SHA512", "SINH", "COSH", "TANH", "IS_DECIMAL",
                        "DAYOFMONTH", "SESSION_END"}, untested  # fmt: skip
