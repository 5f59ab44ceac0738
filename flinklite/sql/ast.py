"""The abstract syntax tree of Flink SQL: frozen dataclasses, one per construct, with positions.

Positions never take part in equality, so parse(unparse(parse(s))) == parse(s) compares shape only.
Names keep the case the user wrote (Flink identifiers are case-sensitive); keywords are upper case.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flinklite.errors import NO_POS, Pos

Name = tuple[str, ...]  # a possibly qualified identifier: ("cat", "db", "table") or ("t",)


@dataclass(frozen=True, slots=True)
class Node:
    # Keyword-only, so subclasses' fields without defaults may follow it.
    pos: Pos = field(default=NO_POS, compare=False, repr=False, kw_only=True)


# ---------------------------------------------------------------------------------------------
# Data types as written (the catalog turns them into flinklite.catalog.types.DataType)


@dataclass(frozen=True, slots=True)
class RowFieldSpec(Node):
    name: str
    type: DataTypeSpec
    comment: str | None = None


@dataclass(frozen=True, slots=True)
class IntervalQualifier(Node):
    """`DAY(2) TO SECOND(3)`, `SECOND`, `YEAR TO MONTH`; precisions are None when not written."""

    start: str  # YEAR MONTH DAY HOUR MINUTE SECOND (plural forms normalised to singular)
    start_precision: int | None = None
    end: str | None = None
    fractional_precision: int | None = None  # SECOND(p) at either end


@dataclass(frozen=True, slots=True)
class DataTypeSpec(Node):
    """A type as written: `name` is canonical upper case with single spaces, e.g. 'VARCHAR',
    'STRING', 'INT', 'INTEGER', 'DOUBLE PRECISION', 'TIMESTAMP', 'TIMESTAMP_LTZ', 'ARRAY',
    'MAP', 'ROW', 'MULTISET', 'INTERVAL', 'RAW'.

    `params` holds length / precision / scale as written; `elements` holds ARRAY/MULTISET element
    and MAP key, value types; `fields` holds ROW fields; `with_local_time_zone` marks
    `TIMESTAMP(p) WITH LOCAL TIME ZONE` (and `TIME ... WITHOUT TIME ZONE` is plain TIME)."""

    name: str
    params: tuple[int, ...] = ()
    elements: tuple[DataTypeSpec, ...] = ()
    fields: tuple[RowFieldSpec, ...] = ()
    nullable: bool = True
    with_local_time_zone: bool = False
    interval: IntervalQualifier | None = None
    raw_args: tuple[str, ...] = ()  # RAW('class', 'snapshot')


# ---------------------------------------------------------------------------------------------
# Expressions


@dataclass(frozen=True, slots=True)
class Expr(Node):
    pass


@dataclass(frozen=True, slots=True)
class Identifier(Expr):
    """A column reference, possibly qualified: `t.col`, `A.price` (a pattern variable), `r.f`.
    Which part is a table, a column or a field is decided by the binder."""

    parts: Name


@dataclass(frozen=True, slots=True)
class Star(Expr):
    """`*` or `t.*` in a select list, or the argument of COUNT(*)."""

    qualifier: Name = ()


@dataclass(frozen=True, slots=True)
class NumericLiteral(Expr):
    """A number as written ('3', '1.50', '1e3'): the text keeps DECIMAL scale and exactness."""

    text: str


@dataclass(frozen=True, slots=True)
class StringLiteral(Expr):
    """A character string with '' escapes resolved; adjacent literals are concatenated."""

    value: str
    charset: str | None = None  # _UTF16'..' prefix, rare
    unicode: bool = False  # U&'..' form


@dataclass(frozen=True, slots=True)
class BinaryLiteral(Expr):
    """X'0AFF'."""

    hex: str


@dataclass(frozen=True, slots=True)
class BooleanLiteral(Expr):
    value: bool


@dataclass(frozen=True, slots=True)
class NullLiteral(Expr):
    pass


@dataclass(frozen=True, slots=True)
class TypedLiteral(Expr):
    """DATE '2024-01-01', TIME '10:00:00', TIMESTAMP '2024-01-01 00:00:00.123',
    TIMESTAMP_LTZ '...'. `type_name` is upper case."""

    type_name: str
    value: str


@dataclass(frozen=True, slots=True)
class IntervalLiteral(Expr):
    """INTERVAL '10' SECOND, INTERVAL -'1:30' MINUTE TO SECOND, INTERVAL '2' DAYS."""

    value: str
    qualifier: IntervalQualifier
    negative: bool = False


@dataclass(frozen=True, slots=True)
class UnaryOp(Expr):
    op: str  # '-', '+', 'NOT'
    operand: Expr


@dataclass(frozen=True, slots=True)
class BinaryOp(Expr):
    op: str  # '+', '-', '*', '/', '%', '||', '=', '<>', '<', '>', '<=', '>=', 'AND', 'OR'
    left: Expr
    right: Expr


@dataclass(frozen=True, slots=True)
class IsPredicate(Expr):
    """x IS [NOT] NULL | TRUE | FALSE | UNKNOWN."""

    operand: Expr
    test: str  # 'NULL', 'TRUE', 'FALSE', 'UNKNOWN'
    negated: bool = False


@dataclass(frozen=True, slots=True)
class IsDistinctFrom(Expr):
    left: Expr
    right: Expr
    negated: bool = False  # IS NOT DISTINCT FROM


@dataclass(frozen=True, slots=True)
class InList(Expr):
    operand: Expr
    items: tuple[Expr, ...]
    negated: bool = False


@dataclass(frozen=True, slots=True)
class InSubquery(Expr):
    operand: Expr
    query: Query
    negated: bool = False


@dataclass(frozen=True, slots=True)
class QuantifiedComparison(Expr):
    """`operand op ANY (query)` / `operand op ALL (query)`."""

    operand: Expr
    op: str
    quantifier: str  # 'ANY' or 'ALL'
    query: Query


@dataclass(frozen=True, slots=True)
class Exists(Expr):
    query: Query


@dataclass(frozen=True, slots=True)
class ScalarSubquery(Expr):
    query: Query


@dataclass(frozen=True, slots=True)
class Between(Expr):
    operand: Expr
    low: Expr
    high: Expr
    negated: bool = False
    symmetric: bool = False


@dataclass(frozen=True, slots=True)
class Like(Expr):
    """x [NOT] LIKE p [ESCAPE e] and x [NOT] SIMILAR TO p [ESCAPE e]."""

    operand: Expr
    pattern: Expr
    escape: Expr | None = None
    negated: bool = False
    similar: bool = False


@dataclass(frozen=True, slots=True)
class WhenClause(Node):
    condition: Expr  # for the simple form, the value compared with the operand
    result: Expr


@dataclass(frozen=True, slots=True)
class Case(Expr):
    operand: Expr | None
    whens: tuple[WhenClause, ...]
    else_: Expr | None = None


@dataclass(frozen=True, slots=True)
class Cast(Expr):
    operand: Expr
    type: DataTypeSpec
    try_: bool = False  # TRY_CAST


@dataclass(frozen=True, slots=True)
class Symbol(Expr):
    """A keyword argument of a special function form, as Calcite's flags: LEADING / TRAILING /
    BOTH in TRIM, the time unit in EXTRACT, FLOOR(.. TO unit), TIMESTAMPADD, TIMESTAMPDIFF."""

    name: str


@dataclass(frozen=True, slots=True)
class FrameBound(Node):
    kind: (
        str  # 'UNBOUNDED PRECEDING', 'PRECEDING', 'CURRENT ROW', 'FOLLOWING', 'UNBOUNDED FOLLOWING'
    )
    offset: Expr | None = None


@dataclass(frozen=True, slots=True)
class WindowFrame(Node):
    units: str  # 'ROWS' or 'RANGE'
    start: FrameBound
    end: FrameBound | None = None  # None: the single-bound form `ROWS 2 PRECEDING`


@dataclass(frozen=True, slots=True)
class WindowSpec(Node):
    """OVER (PARTITION BY .. ORDER BY .. frame) or OVER w (a named window: `name` set only)."""

    name: str | None = None
    partition_by: tuple[Expr, ...] = ()
    order_by: tuple[OrderItem, ...] = ()
    frame: WindowFrame | None = None


@dataclass(frozen=True, slots=True)
class FunctionCall(Expr):
    """Any call. Special syntax maps onto plain arguments, Calcite style:
    TRIM(LEADING 'x' FROM s) -> TRIM(Symbol LEADING, 'x', s);  TRIM(s) -> TRIM(Symbol BOTH, ' ', s)
    only when written so — the parser keeps what was written: TRIM(s) -> TRIM(s);
    EXTRACT(HOUR FROM ts) -> EXTRACT(Symbol HOUR, ts); SUBSTRING(s FROM 2 FOR 3) -> SUBSTRING(s, 2, 3);
    POSITION(a IN b) -> POSITION(a, b); OVERLAY(s PLACING t FROM 2 FOR 3) -> OVERLAY(s, t, 2, 3);
    FLOOR(ts TO DAY) -> FLOOR(ts, Symbol DAY); TIMESTAMPADD(DAY, 1, ts) -> (Symbol DAY, 1, ts).
    `name` is upper case for built-ins written without quotes; qualified UDF names keep parts."""

    name: Name
    args: tuple[Expr, ...] = ()
    distinct: bool = False  # COUNT(DISTINCT x)
    over: WindowSpec | None = None
    filter: Expr | None = None  # agg(x) FILTER (WHERE cond)
    syntax: str = ""  # which written form: '' plain; 'FROM' for SUBSTRING/TRIM/EXTRACT/OVERLAY..; 'TO' for FLOOR/CEIL
    within_group: tuple[OrderItem, ...] = ()  # LISTAGG(..) WITHIN GROUP (ORDER BY ..)
    # JSON_VALUE(x, path RETURNING type ..): the type; the ON EMPTY / ON ERROR / ON NULL / WRAPPER
    # clauses of the JSON functions are Symbol arguments after the positional ones (syntax 'JSON').
    returning: DataTypeSpec | None = None


@dataclass(frozen=True, slots=True)
class NamedArgument(Expr):
    """`name => value` in a table-valued function call (window TVFs accept them)."""

    name: str
    value: Expr


@dataclass(frozen=True, slots=True)
class TableArgument(Expr):
    """`TABLE t` (or `TABLE(query)`) passed to a table-valued function."""

    relation: Relation
    partition_by: tuple[Expr, ...] = ()  # TABLE t PARTITION BY k (process table functions)


@dataclass(frozen=True, slots=True)
class Descriptor(Expr):
    """DESCRIPTOR(col, ..) naming the time column of a window TVF."""

    columns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FieldAccess(Expr):
    """Field of a composite value that is not a plain identifier path: `(r).f`, `f(x).g`."""

    operand: Expr
    field: str


@dataclass(frozen=True, slots=True)
class Subscript(Expr):
    """arr[1], map['k']."""

    operand: Expr
    index: Expr


@dataclass(frozen=True, slots=True)
class RowConstructor(Expr):
    """ROW(a, b) or (a, b) in a VALUES list / IN."""

    items: tuple[Expr, ...]
    explicit: bool = True  # written with the ROW keyword


@dataclass(frozen=True, slots=True)
class ArrayConstructor(Expr):
    items: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class MapConstructor(Expr):
    items: tuple[Expr, ...]  # k1, v1, k2, v2 ...


@dataclass(frozen=True, slots=True)
class Navigation(Expr):
    """RUNNING or FINAL in front of an expression in MATCH_RECOGNIZE MEASURES."""

    semantics: str  # 'RUNNING' or 'FINAL'
    operand: Expr


# ---------------------------------------------------------------------------------------------
# Queries


@dataclass(frozen=True, slots=True)
class OrderItem(Node):
    expr: Expr
    descending: bool | None = None  # None: not written (ASC)
    nulls_first: bool | None = None  # None: not written


@dataclass(frozen=True, slots=True)
class SelectItem(Node):
    expr: Expr  # Star for `*` / `t.*`
    alias: str | None = None


@dataclass(frozen=True, slots=True)
class Relation(Node):
    pass


@dataclass(frozen=True, slots=True)
class TableRef(Relation):
    """A table or view by name, with an alias and options: `t /*+ OPTIONS('k'='v') */ AS x (a, b)`,
    `t FOR SYSTEM_TIME AS OF o.proc_time`."""

    name: Name
    alias: str | None = None
    column_aliases: tuple[str, ...] = ()
    system_time: Expr | None = None
    hints: tuple[Hint, ...] = ()


@dataclass(frozen=True, slots=True)
class Hint(Node):
    """A /*+ NAME(args) */ hint; OPTIONS hints carry key/value pairs."""

    name: str
    args: tuple[str, ...] = ()
    options: tuple[Property, ...] = ()


@dataclass(frozen=True, slots=True)
class SubqueryRef(Relation):
    query: Query
    alias: str | None = None
    column_aliases: tuple[str, ...] = ()
    lateral: bool = False


@dataclass(frozen=True, slots=True)
class TableFunctionRef(Relation):
    """TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND)) and LATERAL TABLE(udtf(x))."""

    call: FunctionCall
    alias: str | None = None
    column_aliases: tuple[str, ...] = ()
    lateral: bool = False


@dataclass(frozen=True, slots=True)
class Unnest(Relation):
    items: tuple[Expr, ...]
    with_ordinality: bool = False
    alias: str | None = None
    column_aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Join(Relation):
    kind: str  # 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'COMMA' (FROM a, b)
    left: Relation
    right: Relation
    on: Expr | None = None
    using: tuple[str, ...] = ()
    natural: bool = False
    outer_written: bool = False  # LEFT OUTER JOIN vs LEFT JOIN (for unparse fidelity only)
    inner_written: bool = False  # INNER JOIN vs JOIN


@dataclass(frozen=True, slots=True)
class ParenRelation(Relation):
    """A parenthesised join tree: FROM (a JOIN b ON ..)."""

    relation: Relation


# --- MATCH_RECOGNIZE ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PatternTerm(Node):
    pass


@dataclass(frozen=True, slots=True)
class PatternVar(PatternTerm):
    name: str


@dataclass(frozen=True, slots=True)
class PatternConcat(PatternTerm):
    items: tuple[PatternTerm, ...]


@dataclass(frozen=True, slots=True)
class PatternAlternation(PatternTerm):
    items: tuple[PatternTerm, ...]


@dataclass(frozen=True, slots=True)
class PatternGroup(PatternTerm):
    """A parenthesised sub-pattern; `()` is the empty pattern (`item` None)."""

    item: PatternTerm | None


@dataclass(frozen=True, slots=True)
class PatternQuantified(PatternTerm):
    """`item` repeated min..max times (max None: unbounded). `text` is the quantifier as
    written ('+', '*', '?', '{2}', '{2,}', '{,3}', '{1,3}'), kept for messages and unparse."""

    item: PatternTerm
    min: int
    max: int | None
    reluctant: bool = False
    text: str = ""


@dataclass(frozen=True, slots=True)
class PatternPermute(PatternTerm):
    items: tuple[PatternTerm, ...]


@dataclass(frozen=True, slots=True)
class PatternExclusion(PatternTerm):
    item: PatternTerm


@dataclass(frozen=True, slots=True)
class PatternAnchor(PatternTerm):
    kind: str  # '^' or '$'


@dataclass(frozen=True, slots=True)
class Measure(Node):
    expr: Expr
    alias: str


@dataclass(frozen=True, slots=True)
class SubsetDef(Node):
    name: str
    variables: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class VariableDef(Node):
    name: str
    condition: Expr


@dataclass(frozen=True, slots=True)
class AfterMatch(Node):
    """AFTER MATCH SKIP ..: kind is 'PAST LAST ROW', 'TO NEXT ROW', 'TO FIRST', 'TO LAST' or
    'TO' (the standard's `SKIP TO v`, which means TO LAST v); `variable` for the last three."""

    kind: str
    variable: str | None = None


@dataclass(frozen=True, slots=True)
class MatchRecognize(Relation):
    input: Relation
    partition_by: tuple[Expr, ...] = ()
    order_by: tuple[OrderItem, ...] = ()
    measures: tuple[Measure, ...] = ()
    rows_per_match: str | None = None  # None (not written), 'ONE ROW PER MATCH',
    # 'ALL ROWS PER MATCH', 'ALL ROWS PER MATCH SHOW EMPTY MATCHES',
    # 'ALL ROWS PER MATCH OMIT EMPTY MATCHES', 'ALL ROWS PER MATCH WITH UNMATCHED ROWS'
    after_match: AfterMatch | None = None  # None: not written (Flink's default is TO NEXT ROW)
    pattern: PatternTerm | None = None
    within: IntervalLiteral | None = None
    subsets: tuple[SubsetDef, ...] = ()
    define: tuple[VariableDef, ...] = ()
    alias: str | None = None
    column_aliases: tuple[str, ...] = ()


# --- query bodies --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QueryBody(Node):
    pass


@dataclass(frozen=True, slots=True)
class GroupingSets(Expr):
    """GROUPING SETS ((a, b), (a), ()), ROLLUP (a, b), CUBE (a, b) inside GROUP BY."""

    kind: str  # 'GROUPING SETS', 'ROLLUP', 'CUBE'
    sets: tuple[tuple[Expr, ...], ...]


@dataclass(frozen=True, slots=True)
class NamedWindow(Node):
    name: str
    spec: WindowSpec


@dataclass(frozen=True, slots=True)
class Select(QueryBody):
    items: tuple[SelectItem, ...]
    from_: Relation | None = None
    where: Expr | None = None
    group_by: tuple[Expr, ...] = ()
    having: Expr | None = None
    distinct: bool = False
    windows: tuple[NamedWindow, ...] = ()  # WINDOW w AS (...)
    hints: tuple[Hint, ...] = ()  # SELECT /*+ ... */


@dataclass(frozen=True, slots=True)
class SetOperation(QueryBody):
    op: str  # 'UNION', 'INTERSECT', 'EXCEPT' (MINUS is read as EXCEPT)
    left: QueryBody
    right: QueryBody
    all: bool = False
    distinct_written: bool = False  # UNION DISTINCT


@dataclass(frozen=True, slots=True)
class Values(QueryBody):
    rows: tuple[tuple[Expr, ...], ...]


@dataclass(frozen=True, slots=True)
class TableQuery(QueryBody):
    """`TABLE t` as a whole query."""

    name: Name


@dataclass(frozen=True, slots=True)
class Cte(Node):
    name: str
    query: Query
    columns: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Query(QueryBody):
    """A query with its optional WITH, ORDER BY, LIMIT / FETCH and OFFSET around a body.
    A parenthesised query inside a set operation or FROM is a nested Query."""

    body: QueryBody
    ctes: tuple[Cte, ...] = ()
    order_by: tuple[OrderItem, ...] = ()
    limit: Expr | None = None
    offset: Expr | None = None
    fetch_written: bool = False  # FETCH FIRST n ROWS ONLY instead of LIMIT n


# ---------------------------------------------------------------------------------------------
# Statements


@dataclass(frozen=True, slots=True)
class Statement(Node):
    pass


@dataclass(frozen=True, slots=True)
class Property(Node):
    """'key' = 'value' in WITH (..), SET, ALTER TABLE .. SET and OPTIONS hints."""

    key: str
    value: str


@dataclass(frozen=True, slots=True)
class Column(Node):
    name: str
    comment: str | None = None


@dataclass(frozen=True, slots=True)
class PhysicalColumn(Column):
    type: DataTypeSpec | None = None
    primary_key: bool = False  # `id INT PRIMARY KEY NOT ENFORCED`


@dataclass(frozen=True, slots=True)
class ComputedColumn(Column):
    expr: Expr | None = None


@dataclass(frozen=True, slots=True)
class MetadataColumn(Column):
    type: DataTypeSpec | None = None
    key: str | None = None  # METADATA FROM 'key'
    virtual: bool = False


@dataclass(frozen=True, slots=True)
class WatermarkSpec(Node):
    column: Name
    expr: Expr


@dataclass(frozen=True, slots=True)
class PrimaryKey(Node):
    columns: tuple[str, ...]
    constraint_name: str | None = None
    enforced: bool = False  # `ENFORCED` is parsed so validation can reject it as Flink does


@dataclass(frozen=True, slots=True)
class LikeOption(Node):
    mode: str  # 'INCLUDING', 'EXCLUDING', 'OVERWRITING'
    feature: (
        str  # 'ALL', 'CONSTRAINTS', 'GENERATED', 'METADATA', 'OPTIONS', 'PARTITIONS', 'WATERMARKS'
    )


@dataclass(frozen=True, slots=True)
class LikeClause(Node):
    source: Name
    options: tuple[LikeOption, ...] = ()


@dataclass(frozen=True, slots=True)
class CreateTable(Statement):
    name: Name
    columns: tuple[Column, ...] = ()
    watermarks: tuple[WatermarkSpec, ...] = ()
    primary_key: PrimaryKey | None = None
    comment: str | None = None
    partitioned_by: tuple[str, ...] = ()
    options: tuple[Property, ...] = ()
    like: LikeClause | None = None
    as_query: Query | None = None  # CREATE TABLE .. AS SELECT
    if_not_exists: bool = False
    temporary: bool = False
    replace: str | None = None  # 'CREATE OR REPLACE', or 'REPLACE' (the table must exist)


@dataclass(frozen=True, slots=True)
class CreateView(Statement):
    name: Name
    query: Query
    columns: tuple[str, ...] = ()
    comment: str | None = None
    if_not_exists: bool = False
    temporary: bool = False


@dataclass(frozen=True, slots=True)
class CreateFunction(Statement):
    name: Name
    class_name: str
    language: str | None = None  # JAVA, SCALA, PYTHON as written (upper case)
    jars: tuple[str, ...] = ()  # USING JAR '..', JAR '..'
    if_not_exists: bool = False
    temporary: bool = False
    system: bool = False  # CREATE TEMPORARY SYSTEM FUNCTION


@dataclass(frozen=True, slots=True)
class CreateCatalog(Statement):
    name: str
    options: tuple[Property, ...] = ()
    if_not_exists: bool = False


@dataclass(frozen=True, slots=True)
class CreateDatabase(Statement):
    name: Name
    comment: str | None = None
    options: tuple[Property, ...] = ()
    if_not_exists: bool = False


@dataclass(frozen=True, slots=True)
class Drop(Statement):
    kind: str  # 'TABLE', 'VIEW', 'FUNCTION', 'DATABASE', 'CATALOG'
    name: Name
    if_exists: bool = False
    temporary: bool = False
    system: bool = False
    cascade: bool | None = None  # DROP DATABASE .. CASCADE / RESTRICT


@dataclass(frozen=True, slots=True)
class ColumnPosition(Node):
    """`FIRST` or `AFTER other` after a column in ALTER TABLE .. ADD / MODIFY."""

    column: str
    kind: str  # 'FIRST' or 'AFTER'
    reference: str | None = None  # the column named by AFTER


@dataclass(frozen=True, slots=True)
class AlterTable(Statement):
    """ALTER TABLE t RENAME TO u | SET ('k' = 'v', ..) | RESET ('k', ..)
    | ADD / MODIFY (columns, WATERMARK .., PRIMARY KEY ..) | DROP col | DROP (a, b)
    | DROP PRIMARY KEY | DROP CONSTRAINT n | DROP WATERMARK | RENAME col TO new_col.

    ADD / MODIFY put their schema parts in `columns`, `watermarks`, `primary_key` and
    `positions`; DROP of columns or of a constraint lists the names in `names`; RENAME COLUMN
    has the old name in `names` and the new one in `new_name`."""

    name: Name
    action: str  # 'RENAME', 'SET', 'RESET', 'ADD', 'MODIFY', 'DROP COLUMN', 'DROP PRIMARY KEY',
    # 'DROP CONSTRAINT', 'DROP WATERMARK', 'RENAME COLUMN'
    new_name: Name = ()
    options: tuple[Property, ...] = ()
    keys: tuple[str, ...] = ()
    if_exists: bool = False
    columns: tuple[Column, ...] = ()
    watermarks: tuple[WatermarkSpec, ...] = ()
    primary_key: PrimaryKey | None = None
    positions: tuple[ColumnPosition, ...] = ()
    names: tuple[str, ...] = ()
    parenthesized: bool = False  # ADD (..) / DROP (..) written with parentheses


@dataclass(frozen=True, slots=True)
class AlterView(Statement):
    """ALTER VIEW v RENAME TO w | ALTER VIEW v AS query."""

    name: Name
    action: str  # 'RENAME' or 'AS'
    new_name: Name = ()
    query: Query | None = None


@dataclass(frozen=True, slots=True)
class AlterFunction(Statement):
    """ALTER [TEMPORARY [SYSTEM]] FUNCTION [IF EXISTS] f AS 'class' [LANGUAGE ..]."""

    name: Name
    class_name: str
    language: str | None = None
    if_exists: bool = False
    temporary: bool = False
    system: bool = False


@dataclass(frozen=True, slots=True)
class AlterDatabase(Statement):
    """ALTER DATABASE [cat.]db SET ('k' = 'v', ..)."""

    name: Name
    options: tuple[Property, ...] = ()


@dataclass(frozen=True, slots=True)
class Insert(Statement):
    table: Name
    query: Query  # VALUES lists arrive as Query(body=Values(..))
    columns: tuple[str, ...] = ()
    overwrite: bool = False
    partition: tuple[Property, ...] = ()  # PARTITION (k = 'v') static partition spec
    hints: tuple[Hint, ...] = ()


@dataclass(frozen=True, slots=True)
class StatementSet(Statement):
    """EXECUTE STATEMENT SET BEGIN insert; insert; END"""

    inserts: tuple[Insert, ...]
    execute_written: bool = True


@dataclass(frozen=True, slots=True)
class BeginStatementSet(Statement):
    """The older client form: BEGIN STATEMENT SET; then INSERTs; then END;"""


@dataclass(frozen=True, slots=True)
class End(Statement):
    pass


@dataclass(frozen=True, slots=True)
class QueryStatement(Statement):
    query: Query


@dataclass(frozen=True, slots=True)
class Explain(Statement):
    """EXPLAIN [PLAN FOR] stmt, EXPLAIN CHANGELOG_MODE, ESTIMATED_COST, .. stmt."""

    statement: Statement
    details: tuple[
        str, ...
    ] = ()  # ESTIMATED_COST, CHANGELOG_MODE, JSON_EXECUTION_PLAN, PLAN_ADVICE
    plan_for: bool = False


@dataclass(frozen=True, slots=True)
class Show(Statement):
    """SHOW TABLES | VIEWS | FUNCTIONS | USER FUNCTIONS | JOBS | CATALOGS | DATABASES | MODULES |
    JARS | CURRENT CATALOG | CURRENT DATABASE | CREATE TABLE t | CREATE VIEW t | COLUMNS FROM t.
    `what` is the words after SHOW, upper case, single spaces, e.g. 'CREATE TABLE'."""

    what: str
    name: Name = ()
    like: str | None = None
    not_like: bool = False


@dataclass(frozen=True, slots=True)
class Describe(Statement):
    name: Name
    extended: bool = False
    keyword: str = "DESCRIBE"  # or 'DESC'


@dataclass(frozen=True, slots=True)
class Set(Statement):
    """SET; (key None) or SET 'k' = 'v'. `quoted` False for the legacy `SET k=v` form."""

    key: str | None = None
    value: str | None = None
    quoted: bool = True


@dataclass(frozen=True, slots=True)
class Reset(Statement):
    key: str | None = None


@dataclass(frozen=True, slots=True)
class StopJob(Statement):
    job_id: str
    with_savepoint: bool = False
    with_drain: bool = False


@dataclass(frozen=True, slots=True)
class Use(Statement):
    """USE CATALOG c (catalog True) or USE [cat.]db."""

    name: Name
    catalog: bool = False


@dataclass(frozen=True, slots=True)
class UseModules(Statement):
    """USE MODULES a, b: the modules to resolve functions from, in order."""

    modules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class JarStatement(Statement):
    """ADD JAR '<path>' / REMOVE JAR '<path>'."""

    action: str  # 'ADD' or 'REMOVE'
    path: str


@dataclass(frozen=True, slots=True)
class ClientCommand(Statement):
    """HELP, QUIT, EXIT, CLEAR: commands of the SQL client rather than of Flink SQL."""

    command: str
