"""Prints AST nodes back as Flink SQL text that parses to an equal tree.

Used by EXPLAIN, error messages, view definitions and SHOW CREATE TABLE; keywords are upper case."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from flinklite.sql import ast
from flinklite.sql.keywords import RESERVED_KEYWORDS

_PLAIN_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")


def quote_identifier(name: str, *, always: bool = False) -> str:
    """`name` as an identifier: bare when it lexes as one and is not reserved, else in backticks."""
    if not always and _PLAIN_IDENTIFIER.fullmatch(name) and name.upper() not in RESERVED_KEYWORDS:
        return name
    return "`" + name.replace("`", "``") + "`"


def quote_string(value: str) -> str:
    """A character string literal: '..' with embedded quotes doubled."""
    return "'" + value.replace("'", "''") + "'"


def unparse(node: ast.Node, *, quote_all: bool = False) -> str:
    """SQL text for any AST node: statement, query, expression, type, relation or pattern term.
    `quote_all` puts every identifier in backticks, as Flink's SHOW CREATE TABLE does."""
    return _Printer(quote_all)(node)


# ---------------------------------------------------------------------------------------------
# Dispatch: one handler per node type, (printer, node) -> text.

_Handler = Callable[["_Printer", Any], str]
_HANDLERS: dict[type, _Handler] = {}


def _on(node_type: type) -> Callable[[_Handler], _Handler]:
    def register(fn: _Handler) -> _Handler:
        _HANDLERS[node_type] = fn
        return fn

    return register


class _Printer:
    __slots__ = ("quote_all",)

    def __init__(self, quote_all: bool) -> None:
        self.quote_all = quote_all

    def __call__(self, node: ast.Node) -> str:
        handler = _HANDLERS.get(type(node))
        if handler is None:
            raise TypeError(f"cannot unparse {type(node).__name__}")
        return handler(self, node)

    def ident(self, name: str) -> str:
        return quote_identifier(name, always=self.quote_all)

    def name(self, parts: Iterable[str]) -> str:
        return ".".join(self.ident(p) for p in parts)

    def idents(self, names: Iterable[str]) -> str:
        return ", ".join(self.ident(n) for n in names)

    def join(self, nodes: Iterable[ast.Node], sep: str = ", ") -> str:
        return sep.join(self(n) for n in nodes)

    def opt(self, prefix: str, node: ast.Node | None) -> str:
        """`prefix node`, or nothing when the node is absent."""
        return f"{prefix} {self(node)}" if node is not None else ""

    def alias(self, alias: str | None, columns: tuple[str, ...]) -> str:
        if alias is None:
            return ""
        return f" AS {self.ident(alias)}" + (f" ({self.idents(columns)})" if columns else "")

    def props(self, props: Iterable[ast.Property]) -> str:
        return ", ".join(self(p) for p in props)

    def hints(self, hints: tuple[ast.Hint, ...]) -> str:
        return f" /*+ {self.join(hints)} */" if hints else ""

    def order_by(self, items: tuple[ast.OrderItem, ...]) -> str:
        return f"ORDER BY {self.join(items)}" if items else ""

    def operand(self, node: ast.Expr, parent: int, *, right: bool = False) -> str:
        """An operator's operand, parenthesised when its own operator binds no tighter."""
        level = _level(node)
        if (
            level < parent
            or (level == parent and (right or parent == _PREDICATE))
            or {level, parent} in _CLASHING
        ):
            return f"({self(node)})"
        return self(node)


def _clauses(*parts: str) -> str:
    return " ".join(p for p in parts if p)


def _not(negated: bool) -> str:
    return "NOT " if negated else ""


def _comment(comment: str | None) -> str:
    return f"COMMENT {quote_string(comment)}" if comment is not None else ""


def _aliased(p: _Printer, text: str, n: Any) -> str:
    return ("LATERAL " if n.lateral else "") + text + p.alias(n.alias, n.column_aliases)


# ---------------------------------------------------------------------------------------------
# Expressions. Precedence levels follow Calcite. `||` is kept apart from arithmetic by
# parentheses in both directions, because grammars disagree on where it binds.

_OR, _AND, _NOT, _PREDICATE, _ADD, _CONCAT, _MUL, _UNARY, _ATOM = range(1, 10)
_CLASHING = ({_CONCAT, _ADD}, {_CONCAT, _MUL})
_BINARY_LEVEL = {"OR": _OR, "AND": _AND, "+": _ADD, "-": _ADD, "||": _CONCAT}
_BINARY_LEVEL.update(dict.fromkeys(("*", "/", "%"), _MUL))
_PREDICATES = (
    ast.IsPredicate,
    ast.IsDistinctFrom,
    ast.InList,
    ast.InSubquery,
    ast.QuantifiedComparison,
    ast.Between,
    ast.Like,
)


def _level(node: ast.Expr) -> int:
    if isinstance(node, ast.BinaryOp):
        return _BINARY_LEVEL.get(node.op.upper(), _PREDICATE)  # the rest are comparisons
    if isinstance(node, ast.UnaryOp):
        return _NOT if node.op.upper() == "NOT" else _UNARY
    if isinstance(node, _PREDICATES):
        return _PREDICATE
    if isinstance(node, ast.NumericLiteral) and node.text.startswith(("-", "+")):
        return _UNARY  # a signed literal must not meet another sign: `- -1`, never `--1`
    if isinstance(node, ast.Navigation | ast.NamedArgument):
        return _NOT
    if isinstance(node, ast.FunctionCall) and node.over is not None:
        return _UNARY  # `f(x) OVER w` stands alone, but a following `[i]` would not bind to it
    return _ATOM


def _pred(p: _Printer, n: ast.Expr) -> str:
    """An operand of IS, IN, BETWEEN, LIKE: anything that binds tighter than a comparison."""
    return p.operand(n, _PREDICATE + 1)


@_on(ast.StringLiteral)
def _string(p: _Printer, n: ast.StringLiteral) -> str:
    if n.unicode:  # U&'..' gives backslash a meaning; everything else may stay as it is
        return "U&" + quote_string(n.value.replace("\\", "\\\\"))
    return (n.charset or "") + quote_string(n.value)


@_on(ast.IntervalQualifier)
def _qualifier(p: _Printer, n: ast.IntervalQualifier) -> str:
    def unit(name: str, *precisions: int | None) -> str:
        written = [str(x) for x in precisions if x is not None]
        return f"{name}({', '.join(written)})" if written else name

    if n.end is None:
        return unit(n.start, n.start_precision, n.fractional_precision)
    return f"{unit(n.start, n.start_precision)} TO {unit(n.end, n.fractional_precision)}"


@_on(ast.UnaryOp)
def _unary(p: _Printer, n: ast.UnaryOp) -> str:
    if n.op.upper() == "NOT":
        return f"NOT {p.operand(n.operand, _PREDICATE)}"
    return f"{n.op}{p.operand(n.operand, _ATOM)}"


@_on(ast.BinaryOp)
def _binary_op(p: _Printer, n: ast.BinaryOp) -> str:
    level = _level(n)
    return f"{p.operand(n.left, level)} {n.op.upper()} {p.operand(n.right, level, right=True)}"


@_on(ast.Between)
def _between(p: _Printer, n: ast.Between) -> str:
    words = _not(n.negated) + "BETWEEN " + ("SYMMETRIC " if n.symmetric else "")
    return f"{_pred(p, n.operand)} {words}{_pred(p, n.low)} AND {_pred(p, n.high)}"


@_on(ast.Like)
def _like(p: _Printer, n: ast.Like) -> str:
    op = _not(n.negated) + ("SIMILAR TO" if n.similar else "LIKE")
    escape = f" ESCAPE {_pred(p, n.escape)}" if n.escape is not None else ""
    return f"{_pred(p, n.operand)} {op} {_pred(p, n.pattern)}{escape}"


@_on(ast.Case)
def _case(p: _Printer, n: ast.Case) -> str:
    operand = f" {p(n.operand)}" if n.operand is not None else ""
    return _clauses(f"CASE{operand}", p.join(n.whens, " "), p.opt("ELSE", n.else_), "END")


def _keyword_args(*keywords: str) -> Callable[[_Printer, tuple[ast.Expr, ...]], str]:
    """`a KW1 b KW2 c`: the argument list of SUBSTRING(s FROM 2 FOR 3) and its kin."""

    def render(p: _Printer, args: tuple[ast.Expr, ...]) -> str:
        rest = (f"{kw} {p(arg)}" for kw, arg in zip(keywords, args[1:], strict=False))
        return " ".join((p(args[0]), *rest))

    return render


def _from_last(p: _Printer, args: tuple[ast.Expr, ...]) -> str:
    """TRIM(LEADING 'x' FROM s), EXTRACT(HOUR FROM ts): all but the last, FROM the last."""
    return _clauses(p.join(args[:-1], " "), "FROM", p(args[-1]))


_SPECIAL_FORMS: dict[str, Callable[[_Printer, tuple[ast.Expr, ...]], str]] = {
    "TRIM": _from_last,
    "EXTRACT": _from_last,
    "SUBSTRING": _keyword_args("FROM", "FOR"),
    "POSITION": _keyword_args("IN", "FROM"),
    "OVERLAY": _keyword_args("PLACING", "FROM", "FOR"),
    "FLOOR": _keyword_args("TO"),
    "CEIL": _keyword_args("TO"),
    "CEILING": _keyword_args("TO"),
}


def _json_args(p: _Printer, n: ast.FunctionCall) -> str:
    """JSON_VALUE(j, '$.a' RETURNING INT DEFAULT 0 ON EMPTY): positional arguments, then the
    RETURNING type, then the clauses, which start at the first Symbol and are space-separated."""
    clauses = next((i for i, a in enumerate(n.args) if isinstance(a, ast.Symbol)), len(n.args))
    positional = n.args[:clauses]
    if n.name[-1].upper() in ("JSON_OBJECT", "JSON_OBJECTAGG"):  # key, value pairs
        pairs = zip(positional[::2], positional[1::2], strict=True)
        text = ", ".join(f"KEY {p(k)} VALUE {p(v)}" for k, v in pairs)
    else:
        text = p.join(positional)
    return _clauses(
        text,
        p.order_by(n.within_group),  # JSON_ARRAYAGG(x ORDER BY y): inside the parentheses
        f"RETURNING {p(n.returning)}" if n.returning is not None else "",
        p.join(n.args[clauses:], " "),
    )


def _function_name(name: ast.Name) -> str:
    # The parser upper-cases a one-part name written without backticks (built-ins such as
    # LEFT or COUNT are reserved words, yet called bare), so any other one-part name was quoted.
    if len(name) == 1:
        bare = _PLAIN_IDENTIFIER.fullmatch(name[0]) and name[0].isupper()
        return name[0] if bare else quote_identifier(name[0], always=True)
    return ".".join(quote_identifier(part) for part in name)


@_on(ast.FunctionCall)
def _call(p: _Printer, n: ast.FunctionCall) -> str:
    fname = _function_name(n.name)
    special = _SPECIAL_FORMS.get(fname.upper()) if n.syntax and n.args else None
    if n.syntax == "NILADIC":  # CURRENT_TIMESTAMP and the other standard niladic functions
        text = fname
    elif special is not None:
        text = f"{fname}({special(p, n.args)})"
    elif n.syntax == "JSON" or n.returning is not None:
        return f"{fname}({_json_args(p, n)})"
    else:
        text = f"{fname}({'DISTINCT ' if n.distinct else ''}{p.join(n.args)})"
    if n.within_group:
        text += f" WITHIN GROUP ({p.order_by(n.within_group)})"
    if n.filter is not None:
        text += f" FILTER (WHERE {p(n.filter)})"
    if n.over is not None:
        spec = n.over
        if spec.name is not None and not (spec.partition_by or spec.order_by or spec.frame):
            text += f" OVER {p.ident(spec.name)}"
        else:
            text += f" OVER ({p(spec)})"
    return text


@_on(ast.WindowSpec)
def _window_spec(p: _Printer, n: ast.WindowSpec) -> str:
    """The inside of the parentheses after OVER or WINDOW w AS."""
    return _clauses(
        p.ident(n.name) if n.name is not None else "",
        f"PARTITION BY {p.join(n.partition_by)}" if n.partition_by else "",
        p.order_by(n.order_by),
        p(n.frame) if n.frame is not None else "",
    )


@_on(ast.TableArgument)
def _table_arg(p: _Printer, n: ast.TableArgument) -> str:
    rel = n.relation
    if isinstance(rel, ast.TableRef) and rel == ast.TableRef(rel.name):
        text = f"TABLE {p.name(rel.name)}"
    else:
        text = f"TABLE ({p(rel.query if isinstance(rel, ast.SubqueryRef) else rel)})"
    keys = p.join(n.partition_by)
    if len(n.partition_by) > 1:  # parenthesised, or the keys would read as further arguments
        keys = f"({keys})"
    return text + (f" PARTITION BY {keys}" if n.partition_by else "")


@_on(ast.FieldAccess)
def _field_access(p: _Printer, n: ast.FieldAccess) -> str:
    # `r.f` with r a plain name would read back as one Identifier, so only calls and
    # subscripts go bare.
    bare = isinstance(n.operand, ast.Subscript) or (
        isinstance(n.operand, ast.FunctionCall) and n.operand.over is None
    )
    operand = p(n.operand) if bare else f"({p(n.operand)})"
    return f"{operand}.{p.ident(n.field)}"


@_on(ast.GroupingSets)
def _grouping_sets(p: _Printer, n: ast.GroupingSets) -> str:
    sets = (p(s[0]) if len(s) == 1 else f"({p.join(s)})" for s in n.sets)
    return f"{n.kind} ({', '.join(sets)})"


_HANDLERS.update(
    {
        ast.Identifier: lambda p, n: p.name(n.parts),
        ast.Star: lambda p, n: f"{p.name(n.qualifier)}.*" if n.qualifier else "*",
        ast.NumericLiteral: lambda p, n: n.text,
        ast.BinaryLiteral: lambda p, n: f"X'{n.hex}'",
        ast.BooleanLiteral: lambda p, n: "TRUE" if n.value else "FALSE",
        ast.NullLiteral: lambda p, n: "NULL",
        ast.TypedLiteral: lambda p, n: f"{n.type_name} {quote_string(n.value)}",
        ast.IntervalLiteral: lambda p, n: (
            f"INTERVAL {'-' if n.negative else ''}{quote_string(n.value)} {p(n.qualifier)}"
        ),
        ast.IsPredicate: lambda p, n: f"{_pred(p, n.operand)} IS {_not(n.negated)}{n.test}",
        ast.IsDistinctFrom: lambda p, n: (
            f"{_pred(p, n.left)} IS {_not(n.negated)}DISTINCT FROM {_pred(p, n.right)}"
        ),
        ast.InList: lambda p, n: f"{_pred(p, n.operand)} {_not(n.negated)}IN ({p.join(n.items)})",
        ast.InSubquery: lambda p, n: f"{_pred(p, n.operand)} {_not(n.negated)}IN ({p(n.query)})",
        ast.QuantifiedComparison: lambda p, n: (
            f"{_pred(p, n.operand)} {n.op} {n.quantifier} ({p(n.query)})"
        ),
        ast.Exists: lambda p, n: f"EXISTS ({p(n.query)})",
        ast.ScalarSubquery: lambda p, n: f"({p(n.query)})",
        ast.WhenClause: lambda p, n: f"WHEN {p(n.condition)} THEN {p(n.result)}",
        ast.Cast: lambda p, n: f"{'TRY_CAST' if n.try_ else 'CAST'}({p(n.operand)} AS {p(n.type)})",
        ast.Symbol: lambda p, n: n.name,
        ast.FrameBound: lambda p, n: _clauses(p(n.offset) if n.offset is not None else "", n.kind),
        ast.WindowFrame: lambda p, n: (
            f"{n.units} {p(n.start)}"
            if n.end is None
            else f"{n.units} BETWEEN {p(n.start)} AND {p(n.end)}"
        ),
        ast.NamedArgument: lambda p, n: f"{p.ident(n.name)} => {p(n.value)}",
        ast.Descriptor: lambda p, n: f"DESCRIPTOR({p.idents(n.columns)})",
        ast.Subscript: lambda p, n: f"{p.operand(n.operand, _ATOM)}[{p(n.index)}]",
        ast.RowConstructor: lambda p, n: f"{'ROW' if n.explicit else ''}({p.join(n.items)})",
        ast.ArrayConstructor: lambda p, n: f"ARRAY[{p.join(n.items)}]",
        ast.MapConstructor: lambda p, n: f"MAP[{p.join(n.items)}]",
        ast.Navigation: lambda p, n: f"{n.semantics} {p.operand(n.operand, _PREDICATE)}",
    }
)


# ---------------------------------------------------------------------------------------------
# Data types


@_on(ast.DataTypeSpec)
def _type(p: _Printer, n: ast.DataTypeSpec) -> str:
    if n.interval is not None:
        text = f"INTERVAL {p(n.interval)}"
    elif n.fields or n.name == "ROW":
        text = f"ROW<{p.join(n.fields)}>"
    elif n.elements:
        text = f"{n.name}<{p.join(n.elements)}>"
    elif n.raw_args:
        text = f"RAW({', '.join(quote_string(a) for a in n.raw_args)})"
    else:
        text = n.name + (f"({', '.join(map(str, n.params))})" if n.params else "")
    if n.with_local_time_zone:
        text += " WITH LOCAL TIME ZONE"
    return text if n.nullable else text + " NOT NULL"


@_on(ast.RowFieldSpec)
def _row_field(p: _Printer, n: ast.RowFieldSpec) -> str:
    comment = f" {quote_string(n.comment)}" if n.comment is not None else ""
    return f"{p.ident(n.name)} {p(n.type)}{comment}"


# ---------------------------------------------------------------------------------------------
# Queries and relations

_SET_LEVEL = {"UNION": 1, "EXCEPT": 1, "INTERSECT": 2}  # INTERSECT binds tighter


@_on(ast.Query)
def _query(p: _Printer, n: ast.Query) -> str:
    body = f"({p(n.body)})" if isinstance(n.body, ast.Query) else p(n.body)
    tail: list[str] = [p.order_by(n.order_by)]
    if n.limit is not None and not n.fetch_written:
        tail += [p.opt("LIMIT", n.limit), p.opt("OFFSET", n.offset)]
    else:
        if n.offset is not None:
            tail.append(f"OFFSET {p(n.offset)} ROWS")
        if n.limit is not None:
            tail.append(f"FETCH FIRST {p(n.limit)} ROWS ONLY")
    return _clauses(f"WITH {p.join(n.ctes)}" if n.ctes else "", body, *tail)


@_on(ast.Select)
def _select(p: _Printer, n: ast.Select) -> str:
    return _clauses(
        "SELECT" + p.hints(n.hints) + (" DISTINCT" if n.distinct else ""),
        p.join(n.items),
        p.opt("FROM", n.from_),
        p.opt("WHERE", n.where),
        f"GROUP BY {p.join(n.group_by)}" if n.group_by else "",
        p.opt("HAVING", n.having),
        f"WINDOW {p.join(n.windows)}" if n.windows else "",
    )


@_on(ast.OrderItem)
def _order_item(p: _Printer, n: ast.OrderItem) -> str:
    direction = {None: "", True: " DESC", False: " ASC"}[n.descending]
    nulls = {None: "", True: " NULLS FIRST", False: " NULLS LAST"}[n.nulls_first]
    return p(n.expr) + direction + nulls


@_on(ast.SetOperation)
def _set_operation(p: _Printer, n: ast.SetOperation) -> str:
    level = _SET_LEVEL[n.op]

    def side(body: ast.QueryBody, right: bool) -> str:
        # Parentheses read back as a nested Query, so a bare set operation only gets them
        # where precedence demands (an AST built by hand).
        if isinstance(body, ast.Query):
            return f"({p(body)})"
        if isinstance(body, ast.SetOperation):
            child = _SET_LEVEL[body.op]
            if child < level or (right and child == level):
                return f"({p(body)})"
        return p(body)

    quantifier = " ALL" if n.all else " DISTINCT" if n.distinct_written else ""
    return f"{side(n.left, False)} {n.op}{quantifier} {side(n.right, True)}"


@_on(ast.Hint)
def _hint(p: _Printer, n: ast.Hint) -> str:
    if n.options:  # written tight, the way Flink's docs write OPTIONS('k'='v')
        pairs = ", ".join(f"{quote_string(o.key)}={quote_string(o.value)}" for o in n.options)
        return f"{n.name}({pairs})"
    # Arguments are names (`BROADCAST(t1)`) or strings; either reads back as the same text.
    args = (a if quote_identifier(a) == a else quote_string(a) for a in n.args)
    return f"{n.name}({', '.join(args)})" if n.args else n.name


@_on(ast.TableRef)
def _table_ref(p: _Printer, n: ast.TableRef) -> str:
    system_time = p.opt(" FOR SYSTEM_TIME AS OF", n.system_time)
    return p.name(n.name) + p.hints(n.hints) + system_time + p.alias(n.alias, n.column_aliases)


@_on(ast.Join)
def _join(p: _Printer, n: ast.Join) -> str:
    # Joins, commas included, associate to the left at one level (Calcite's FromClause), so
    # only a join on the right needs parentheses.
    left, right = p(n.left), p(n.right)
    if isinstance(n.right, ast.Join):
        right = f"({right})"
    if n.kind == "COMMA":
        return f"{left}, {right}"
    if n.kind == "INNER":
        keyword = "INNER JOIN" if n.inner_written else "JOIN"
    elif n.kind == "CROSS":
        keyword = "CROSS JOIN"
    else:
        keyword = f"{n.kind} OUTER JOIN" if n.outer_written else f"{n.kind} JOIN"
    condition = p.opt("ON", n.on) or (f"USING ({p.idents(n.using)})" if n.using else "")
    return _clauses(left, "NATURAL" if n.natural else "", keyword, right, condition)


@_on(ast.MatchRecognize)
def _match_recognize(p: _Printer, n: ast.MatchRecognize) -> str:
    body = _clauses(
        f"PARTITION BY {p.join(n.partition_by)}" if n.partition_by else "",
        p.order_by(n.order_by),
        f"MEASURES {p.join(n.measures)}" if n.measures else "",
        n.rows_per_match or "",
        p(n.after_match) if n.after_match is not None else "",
        f"PATTERN ({'' if n.pattern in (None, ast.PatternGroup(None)) else p(n.pattern)})",
        p.opt("WITHIN", n.within),
        f"SUBSET {p.join(n.subsets)}" if n.subsets else "",
        f"DEFINE {p.join(n.define)}" if n.define else "",
    )
    return f"{p(n.input)} MATCH_RECOGNIZE ({body}){p.alias(n.alias, n.column_aliases)}"


def _quantifier(n: ast.PatternQuantified) -> str:
    text = n.text
    if not text:
        lo, hi = n.min, n.max
        text = {(0, None): "*", (1, None): "+", (0, 1): "?"}.get((lo, hi), "")
        if not text:
            text = f"{{{lo}}}" if lo == hi else f"{{{lo},{'' if hi is None else hi}}}"
    # Reluctance is one more '?', whether or not `text` already carries it.
    if n.reluctant and not (len(text) > 1 and text.endswith("?")):
        text += "?"
    return text


def _pattern_item(p: _Printer, item: ast.PatternTerm, loose: tuple[type, ...]) -> str:
    # Parentheses read back as a PatternGroup, so they are only added where a hand-built tree
    # would otherwise change meaning.
    return f"({p(item)})" if isinstance(item, loose) else p(item)


_CONCAT_LOOSE = (ast.PatternAlternation,)
_QUANTIFIED_LOOSE = (ast.PatternQuantified, ast.PatternConcat, ast.PatternAlternation)

_HANDLERS.update(
    {
        ast.Cte: lambda p, n: (
            p.ident(n.name)
            + (f" ({p.idents(n.columns)})" if n.columns else "")
            + f" AS ({p(n.query)})"
        ),
        ast.SelectItem: lambda p, n: (
            p(n.expr) + (f" AS {p.ident(n.alias)}" if n.alias is not None else "")
        ),
        ast.NamedWindow: lambda p, n: f"{p.ident(n.name)} AS ({p(n.spec)})",
        ast.Values: lambda p, n: "VALUES " + ", ".join(f"({p.join(row)})" for row in n.rows),
        ast.TableQuery: lambda p, n: f"TABLE {p.name(n.name)}",
        ast.SubqueryRef: lambda p, n: _aliased(p, f"({p(n.query)})", n),
        ast.TableFunctionRef: lambda p, n: _aliased(p, f"TABLE({p(n.call)})", n),
        ast.Unnest: lambda p, n: (
            f"UNNEST({p.join(n.items)})"
            + (" WITH ORDINALITY" if n.with_ordinality else "")
            + p.alias(n.alias, n.column_aliases)
        ),
        ast.ParenRelation: lambda p, n: f"({p(n.relation)})",
        ast.Measure: lambda p, n: f"{p(n.expr)} AS {p.ident(n.alias)}",
        ast.VariableDef: lambda p, n: f"{p.ident(n.name)} AS {p(n.condition)}",
        ast.SubsetDef: lambda p, n: f"{p.ident(n.name)} = ({p.idents(n.variables)})",
        ast.AfterMatch: lambda p, n: (
            f"AFTER MATCH SKIP {n.kind}"
            + (f" {p.ident(n.variable)}" if n.variable is not None else "")
        ),
        ast.PatternVar: lambda p, n: p.ident(n.name),
        ast.PatternConcat: lambda p, n: " ".join(
            _pattern_item(p, i, _CONCAT_LOOSE) for i in n.items
        ),
        ast.PatternAlternation: lambda p, n: p.join(n.items, " | "),
        ast.PatternGroup: lambda p, n: f"({p(n.item)})" if n.item is not None else "()",
        ast.PatternQuantified: lambda p, n: (
            _pattern_item(p, n.item, _QUANTIFIED_LOOSE) + _quantifier(n)
        ),
        ast.PatternPermute: lambda p, n: f"PERMUTE({p.join(n.items)})",
        ast.PatternExclusion: lambda p, n: f"{{- {p(n.item)} -}}",
        ast.PatternAnchor: lambda p, n: n.kind,
    }
)


# ---------------------------------------------------------------------------------------------
# Statements


def _create(temporary: bool, kind: str, if_not_exists: bool, name: str) -> str:
    exists = "IF NOT EXISTS" if if_not_exists else ""
    return _clauses("CREATE", "TEMPORARY" if temporary else "", kind, exists, name)


def _with(p: _Printer, options: tuple[ast.Property, ...]) -> str:
    return f"WITH ({p.props(options)})" if options else ""


@_on(ast.CreateTable)
def _create_table(p: _Printer, n: ast.CreateTable) -> str:
    # Flink's SHOW CREATE TABLE layout: one element per line, each clause on a line of its own.
    elements = [p(c) for c in n.columns] + [p(w) for w in n.watermarks]
    if n.primary_key is not None:
        elements.append(p(n.primary_key))
    head = _create(n.temporary, "TABLE", n.if_not_exists, p.name(n.name))
    if n.replace == "REPLACE":
        head = f"REPLACE TABLE {p.name(n.name)}"
    elif n.replace is not None:
        head = "CREATE OR REPLACE" + head.removeprefix("CREATE")
    lines = [head + " (", ",\n".join("  " + e for e in elements), ")"] if elements else [head]
    if n.comment is not None:
        lines.append(_comment(n.comment))
    if n.partitioned_by:
        lines.append(f"PARTITIONED BY ({p.idents(n.partitioned_by)})")
    if n.options:
        lines += ["WITH (", ",\n".join("  " + p(o) for o in n.options), ")"]
    if n.like is not None:
        lines.append(p(n.like))
    if n.as_query is not None:
        lines.append(f"AS {p(n.as_query)}")
    return "\n".join(lines)


@_on(ast.PhysicalColumn)
def _physical_column(p: _Printer, n: ast.PhysicalColumn) -> str:
    return _clauses(
        p.ident(n.name),
        p(n.type) if n.type is not None else "",
        "PRIMARY KEY NOT ENFORCED" if n.primary_key else "",
        _comment(n.comment),
    )


@_on(ast.MetadataColumn)
def _metadata_column(p: _Printer, n: ast.MetadataColumn) -> str:
    return _clauses(
        p.ident(n.name),
        p(n.type) if n.type is not None else "",
        "METADATA",
        f"FROM {quote_string(n.key)}" if n.key is not None else "",
        "VIRTUAL" if n.virtual else "",
        _comment(n.comment),
    )


@_on(ast.CreateFunction)
def _create_function(p: _Printer, n: ast.CreateFunction) -> str:
    kind = "SYSTEM FUNCTION" if n.system else "FUNCTION"
    jars = ", ".join(f"JAR {quote_string(j)}" for j in n.jars)
    return _clauses(
        _create(n.temporary, kind, n.if_not_exists, p.name(n.name)),
        f"AS {quote_string(n.class_name)}",
        f"LANGUAGE {n.language}" if n.language else "",
        f"USING {jars}" if jars else "",
    )


@_on(ast.Drop)
def _drop(p: _Printer, n: ast.Drop) -> str:
    return _clauses(
        "DROP",
        "TEMPORARY" if n.temporary else "",
        "SYSTEM" if n.system else "",
        n.kind,
        "IF EXISTS" if n.if_exists else "",
        p.name(n.name),
        {None: "", True: "CASCADE", False: "RESTRICT"}[n.cascade],
    )


def _schema_parts(p: _Printer, n: ast.AlterTable) -> str:
    """The schema components of ALTER TABLE .. ADD / MODIFY, columns with their positions."""
    positions = {pos.column: p(pos) for pos in n.positions}
    parts = [_clauses(p(c), positions.get(c.name, "")) for c in n.columns]
    parts += [p(w) for w in n.watermarks]
    if n.primary_key is not None:
        parts.append(p(n.primary_key))
    return f"({', '.join(parts)})" if n.parenthesized or len(parts) != 1 else parts[0]


_ALTER_TABLE_ACTIONS: dict[str, Callable[[_Printer, ast.AlterTable], str]] = {
    "RENAME": lambda p, n: f"RENAME TO {p.name(n.new_name)}",
    "SET": lambda p, n: f"SET ({p.props(n.options)})",
    "RESET": lambda p, n: f"RESET ({', '.join(quote_string(k) for k in n.keys)})",
    "ADD": lambda p, n: f"ADD {_schema_parts(p, n)}",
    "MODIFY": lambda p, n: f"MODIFY {_schema_parts(p, n)}",
    "DROP COLUMN": lambda p, n: (
        f"DROP ({p.idents(n.names)})"
        if n.parenthesized or len(n.names) != 1
        else f"DROP {p.ident(n.names[0])}"
    ),
    "DROP PRIMARY KEY": lambda p, n: "DROP PRIMARY KEY",
    "DROP CONSTRAINT": lambda p, n: f"DROP CONSTRAINT {p.idents(n.names)}",
    "DROP WATERMARK": lambda p, n: "DROP WATERMARK",
    "RENAME COLUMN": lambda p, n: f"RENAME {p.idents(n.names)} TO {p.name(n.new_name)}",
}


@_on(ast.AlterTable)
def _alter_table(p: _Printer, n: ast.AlterTable) -> str:
    head = _clauses("ALTER TABLE", "IF EXISTS" if n.if_exists else "", p.name(n.name))
    return f"{head} {_ALTER_TABLE_ACTIONS[n.action](p, n)}"


def _partition_value(p: _Printer, kv: ast.Property) -> str:
    return f"{p.ident(kv.key)} = {quote_string(kv.value)}"  # a static partition: column = value


@_on(ast.Insert)
def _insert(p: _Printer, n: ast.Insert) -> str:
    return _clauses(
        "INSERT OVERWRITE" if n.overwrite else "INSERT INTO",
        p.name(n.table) + p.hints(n.hints),
        f"PARTITION ({', '.join(_partition_value(p, kv) for kv in n.partition)})"
        if n.partition
        else "",
        f"({p.idents(n.columns)})" if n.columns else "",
        p(n.query),
    )


@_on(ast.Show)
def _show(p: _Printer, n: ast.Show) -> str:
    name = ""
    if n.name:
        # SHOW CREATE TABLE t names its object directly; listings name a scope: FROM db.
        direct = n.what.startswith("CREATE") or n.what.endswith((" FROM", " IN"))
        name = p.name(n.name) if direct else f"FROM {p.name(n.name)}"
    like = f"{_not(n.not_like)}LIKE {quote_string(n.like)}" if n.like is not None else ""
    return _clauses("SHOW", n.what, name, like)


@_on(ast.Set)
def _set(p: _Printer, n: ast.Set) -> str:
    if n.key is None:
        return "SET"
    if not n.quoted:  # the legacy client form keeps key and value as raw text
        return f"SET {n.key}={n.value or ''}"
    return f"SET {quote_string(n.key)} = {quote_string(n.value or '')}"


_HANDLERS.update(
    {
        ast.Property: lambda p, n: f"{quote_string(n.key)} = {quote_string(n.value)}",
        ast.ComputedColumn: lambda p, n: _clauses(
            p.ident(n.name), "AS", p(n.expr), _comment(n.comment)
        ),
        ast.WatermarkSpec: lambda p, n: f"WATERMARK FOR {p.name(n.column)} AS {p(n.expr)}",
        ast.PrimaryKey: lambda p, n: _clauses(
            f"CONSTRAINT {p.ident(n.constraint_name)}" if n.constraint_name else "",
            f"PRIMARY KEY ({p.idents(n.columns)})",
            "ENFORCED" if n.enforced else "NOT ENFORCED",
        ),
        ast.LikeOption: lambda p, n: f"{n.mode} {n.feature}",
        ast.LikeClause: lambda p, n: (
            f"LIKE {p.name(n.source)}" + (f" ({p.join(n.options, ' ')})" if n.options else "")
        ),
        ast.CreateView: lambda p, n: _clauses(
            _create(n.temporary, "VIEW", n.if_not_exists, p.name(n.name)),
            f"({p.idents(n.columns)})" if n.columns else "",
            _comment(n.comment),
            f"AS {p(n.query)}",
        ),
        ast.CreateCatalog: lambda p, n: _clauses(
            _create(False, "CATALOG", n.if_not_exists, p.ident(n.name)), _with(p, n.options)
        ),
        ast.CreateDatabase: lambda p, n: _clauses(
            _create(False, "DATABASE", n.if_not_exists, p.name(n.name)),
            _comment(n.comment),
            _with(p, n.options),
        ),
        ast.StatementSet: lambda p, n: (
            ("EXECUTE " if n.execute_written else "")
            + "STATEMENT SET BEGIN\n"
            + "".join(f"  {p(i)};\n" for i in n.inserts)
            + "END"
        ),
        ast.BeginStatementSet: lambda p, n: "BEGIN STATEMENT SET",
        ast.End: lambda p, n: "END",
        ast.QueryStatement: lambda p, n: p(n.query),
        ast.Explain: lambda p, n: _clauses(
            "EXPLAIN", "PLAN FOR" if n.plan_for else "", ", ".join(n.details), p(n.statement)
        ),
        ast.Describe: lambda p, n: _clauses(
            n.keyword, "EXTENDED" if n.extended else "", p.name(n.name)
        ),
        ast.Reset: lambda p, n: "RESET" if n.key is None else f"RESET {quote_string(n.key)}",
        ast.StopJob: lambda p, n: _clauses(
            f"STOP JOB {quote_string(n.job_id)}",
            "WITH SAVEPOINT" if n.with_savepoint else "",
            "WITH DRAIN" if n.with_drain else "",
        ),
        ast.Use: lambda p, n: f"USE {'CATALOG ' if n.catalog else ''}{p.name(n.name)}",
        ast.ClientCommand: lambda p, n: n.command,
        ast.ColumnPosition: lambda p, n: _clauses(
            n.kind, p.ident(n.reference) if n.reference is not None else ""
        ),
        ast.AlterView: lambda p, n: (
            f"ALTER VIEW {p.name(n.name)} "
            + (f"RENAME TO {p.name(n.new_name)}" if n.action == "RENAME" else f"AS {p(n.query)}")
        ),
        ast.AlterFunction: lambda p, n: _clauses(
            "ALTER",
            "TEMPORARY" if n.temporary else "",
            "SYSTEM" if n.system else "",
            "FUNCTION",
            "IF EXISTS" if n.if_exists else "",
            p.name(n.name),
            f"AS {quote_string(n.class_name)}",
            f"LANGUAGE {n.language}" if n.language else "",
        ),
        ast.AlterDatabase: lambda p, n: (
            f"ALTER DATABASE {p.name(n.name)} SET ({p.props(n.options)})"
        ),
        ast.UseModules: lambda p, n: f"USE MODULES {p.idents(n.modules)}",
        ast.JarStatement: lambda p, n: f"{n.action} JAR {quote_string(n.path)}",
    }
)
