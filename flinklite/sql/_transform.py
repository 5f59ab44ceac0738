"""Parse tree -> AST, part 1: positions, names, literals, operators and data types.

Function calls, queries and statements extend this class in the other _transform_* modules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lark import Token, Transformer, v_args

from flinklite.errors import NO_POS, Pos, SqlParseError
from flinklite.sql import ast

# ---------------------------------------------------------------------------------------------
# Intermediate values passed from a rule to its parent (never part of the finished AST)


@dataclass(frozen=True, slots=True)
class Part:
    """A clause or option result, tagged so the parent rule can find it among its children."""

    kind: str
    value: Any = None


@dataclass(frozen=True, slots=True)
class NameP:
    """A compound name with its position (parents need both the tuple and where it was)."""

    parts: ast.Name
    pos: Pos


def tokens(children: list[Any]) -> set[str]:
    """The types of the keyword tokens among a rule's children."""
    return {c.type for c in children if isinstance(c, Token)}


def parts(children: list[Any]) -> dict[str, Any]:
    return {c.kind: c.value for c in children if isinstance(c, Part)}


def nodes(children: list[Any], cls: type | tuple[type, ...] = ast.Node) -> list[Any]:
    return [c for c in children if isinstance(c, cls)]


def unquote_string(text: str) -> str:
    return text[1:-1].replace("''", "'")


_PLURAL_UNITS = {
    "YEARS": "YEAR",
    "MONTHS": "MONTH",
    "DAYS": "DAY",
    "HOURS": "HOUR",
    "MINUTES": "MINUTE",
    "SECONDS": "SECOND",
}


def _unit(tok: Token) -> str:
    return _PLURAL_UNITS.get(tok.type, tok.type)


@v_args(meta=True)
class BaseTransformer(Transformer):
    """Positions are made script-relative: `line`/`column` say where the parsed text starts."""

    def __init__(self, text: str, line: int = 1, column: int = 1) -> None:
        super().__init__(visit_tokens=False)
        self.text = text
        self.line0 = line - 1
        self.col0 = column - 1

    # --- positions ------------------------------------------------------------------------

    def span(self, line: int, column: int, end_line: int, end_column: int) -> Pos:
        # Only the first line of the text is shifted right: later lines start at column 1.
        return Pos(
            line + self.line0,
            column + (self.col0 if line == 1 else 0),
            end_line + self.line0,
            end_column + (self.col0 if end_line == 1 else 0),
        )

    def pos(self, meta: Any) -> Pos:
        if getattr(meta, "empty", True):
            return NO_POS
        return self.span(meta.line, meta.column, meta.end_line, meta.end_column)

    def tpos(self, tok: Token) -> Pos:
        return self.span(tok.line, tok.column, tok.end_line, tok.end_column)

    def error(self, message: str, meta_or_tok: Any, hint: str | None = None) -> SqlParseError:
        pos = self.tpos(meta_or_tok) if isinstance(meta_or_tok, Token) else self.pos(meta_or_tok)
        return SqlParseError(message, pos=pos, hint=hint)

    # --- entry points ---------------------------------------------------------------------

    def statement_start(self, meta, ch):
        return ch[0]

    expr_start = type_start = query_start = statement_start

    # --- names ----------------------------------------------------------------------------

    def ident(self, meta, ch):
        tok = ch[0]
        if not isinstance(tok, Token):  # a non-reserved keyword, already a str
            return tok
        if tok.type == "QIDENT":
            name = tok.value[1:-1].replace("``", "`")
            if not name:
                raise self.error("SQL parse failed. Zero-length delimited identifier", tok)
            return name
        return tok.value

    def nonreserved(self, meta, ch):
        return ch[0].value

    def compound(self, meta, ch):
        if len(ch) == 1:
            return NameP((ch[0],), self.pos(meta))
        return NameP(ch[0].parts + (ch[1],), self.pos(meta))

    def ident_list(self, meta, ch):
        return tuple(ch)

    def paren_idents(self, meta, ch):
        return Part("idents", ch[0])

    def string(self, meta, ch):
        # Adjacent literals ('a' 'b', usually on separate lines) are one string, as in SQL.
        return "".join(unquote_string(t.value) for t in ch)

    # --- literals -------------------------------------------------------------------------

    def number(self, meta, ch):
        return ast.NumericLiteral(ch[0].value, pos=self.pos(meta))

    def string_lit(self, meta, ch):
        return ast.StringLiteral(ch[0], pos=self.pos(meta))

    def unicode_lit(self, meta, ch):
        """U&'..' [UESCAPE 'c']: the escape character (backslash by default) and four hex digits
        is a code point, the escape character twice is itself. As in Flink's parser, the four
        characters are read as Java's Integer.parseInt reads hex, so `+01F` after it is U+001F."""
        body = unquote_string(ch[0].value[2:])
        escape = unquote_string(ch[-1].value) if len(ch) > 1 else "\\"
        hex_digits = "0123456789abcdefABCDEF"
        if len(escape) != 1 or escape in "+'\"" or escape.isspace() or escape in hex_digits:
            raise self.error(f"Invalid Unicode escape character '{escape}'", ch[-1])
        out, i = [], 0
        while i < len(body):
            c = body[i]
            if c != escape:
                out.append(c)
                i += 1
                continue
            if body[i + 1 : i + 2] == escape:
                out.append(escape)
                i += 2
                continue
            digits = body[i + 1 : i + 5]
            if len(digits) != 4 or not all(d in hex_digits for d in digits.removeprefix("+")):
                raise self.error(
                    f"Unicode escape sequence starting at character {i} is not exactly four "
                    "hex digits",
                    ch[0],
                )
            out.append(chr(int(digits, 16)))
            i += 5
        return ast.StringLiteral("".join(out), pos=self.pos(meta))

    def binary_lit(self, meta, ch):
        digits = "".join(ch[0].value[2:-1].split())
        if len(digits) % 2:
            raise self.error(
                "SQL parse failed. Binary literal string must contain an even number of hexits",
                meta,
            )
        return ast.BinaryLiteral(digits.upper(), pos=self.pos(meta))

    def true_lit(self, meta, ch):
        return ast.BooleanLiteral(True, pos=self.pos(meta))

    def false_lit(self, meta, ch):
        return ast.BooleanLiteral(False, pos=self.pos(meta))

    def null_lit(self, meta, ch):
        return ast.NullLiteral(pos=self.pos(meta))

    def unknown_lit(self, meta, ch):
        # UNKNOWN is the BOOLEAN null; the AST has no separate literal for it.
        return ast.NullLiteral(pos=self.pos(meta))

    def typed_lit(self, meta, ch):
        return ast.TypedLiteral(ch[0].type, ch[1], pos=self.pos(meta))

    def interval_literal(self, meta, ch):
        negative = any(isinstance(c, Token) and c.type == "MINUS" for c in ch)
        value = next(c for c in ch if isinstance(c, str) and not isinstance(c, Token))
        qualifier = nodes(ch, ast.IntervalQualifier)[0]
        return ast.IntervalLiteral(value, qualifier, negative, pos=self.pos(meta))

    def sign(self, meta, ch):
        return ch[0]

    def interval_qualifier(self, meta, ch):
        start: str | None = None
        start_precision = end = fractional = None
        for c in ch:
            if isinstance(c, Token):  # TO
                continue
            if isinstance(c, str):
                if start is None:
                    start = c
                else:
                    end = c
            elif isinstance(c, Part):  # (p) or (p, f) after the unit just read
                precisions = c.value
                if end is None and start != "SECOND":
                    start_precision = precisions[0]
                elif end is None:  # SECOND(p) or SECOND(p, f) as the only unit
                    if len(precisions) == 2:
                        start_precision, fractional = precisions
                    else:
                        fractional = precisions[0]
                else:
                    fractional = precisions[-1]
        assert start is not None
        return ast.IntervalQualifier(start, start_precision, end, fractional, pos=self.pos(meta))

    def unit_precision(self, meta, ch):
        return Part("precision", tuple(int(t.value) for t in ch))

    def time_unit(self, meta, ch):
        return _unit(ch[0])

    def time_unit_any(self, meta, ch):
        c = ch[0]
        return c.type if isinstance(c, Token) else c.upper()

    # --- operators ------------------------------------------------------------------------

    def binop(self, meta, ch):
        left, op, right = ch
        if isinstance(op, Token) and op.type in ("AND", "OR"):
            op = op.type
        else:
            op = str(op.value if isinstance(op, Token) else op)
        return ast.BinaryOp(op, left, right, pos=self.pos(meta))

    def comp_op(self, meta, ch):
        op = ch[0].value
        if op == "!=":
            # Flink's conformance rejects `!=` in the parser (Calcite's isBangEqualAllowed).
            raise self.error(
                "Bang equal '!=' is not allowed under the current SQL conformance level",
                ch[0],
                hint="write <> for 'not equal'",
            )
        return op

    def not_(self, meta, ch):
        return ast.UnaryOp("NOT", ch[1], pos=self.pos(meta))

    def unary(self, meta, ch):
        return ast.UnaryOp(ch[0].value, ch[1], pos=self.pos(meta))

    def is_pred(self, meta, ch):
        kws = tokens(ch)
        return ast.IsPredicate(ch[0], ch[-1].type, "NOT" in kws, pos=self.pos(meta))

    def is_json(self, meta, ch):
        kinds = [c.type for c in ch[1:] if isinstance(c, Token) and c.type not in ("IS", "NOT")]
        return ast.IsPredicate(ch[0], " ".join(kinds), "NOT" in tokens(ch), pos=self.pos(meta))

    def is_distinct(self, meta, ch):
        negated = "NOT" in tokens(ch)
        return ast.IsDistinctFrom(ch[0], ch[-1], negated, pos=self.pos(meta))

    def in_list(self, meta, ch):
        items = nodes(ch[1:], ast.Expr)
        return ast.InList(ch[0], tuple(items), "NOT" in tokens(ch), pos=self.pos(meta))

    def in_query(self, meta, ch):
        return ast.InSubquery(ch[0], ch[-1], "NOT" in tokens(ch), pos=self.pos(meta))

    def quantified(self, meta, ch):
        operand, op, query = ch[0], ch[1], ch[-1]
        quantifier = "ALL" if "ALL" in tokens(ch) else "ANY"
        return ast.QuantifiedComparison(operand, op, quantifier, query, pos=self.pos(meta))

    def between(self, meta, ch):
        low, high = nodes(ch[1:], ast.Expr)
        kws = tokens(ch)
        return ast.Between(ch[0], low, high, "NOT" in kws, "SYMMETRIC" in kws, pos=self.pos(meta))

    def like(self, meta, ch, similar: bool = False):
        operands = nodes(ch[1:], ast.Expr)
        escape = operands[1] if len(operands) > 1 else None
        negated = "NOT" in tokens(ch)
        return ast.Like(ch[0], operands[0], escape, negated, similar, pos=self.pos(meta))

    def similar(self, meta, ch):
        return self.like(meta, ch, similar=True)

    def subscript(self, meta, ch):
        return ast.Subscript(ch[0], ch[1], pos=self.pos(meta))

    def field_access(self, meta, ch):
        return ast.FieldAccess(ch[0], ch[1], pos=self.pos(meta))

    # --- primaries ------------------------------------------------------------------------

    def column(self, meta, ch):
        return ast.Identifier(ch[0].parts, pos=self.pos(meta))

    def paren_expr(self, meta, ch):
        return ch[0]

    def implicit_row(self, meta, ch):
        return ast.RowConstructor(tuple(ch), explicit=False, pos=self.pos(meta))

    def row_ctor(self, meta, ch):
        return ast.RowConstructor(tuple(ch[1:]), pos=self.pos(meta))

    def array_ctor(self, meta, ch):
        return ast.ArrayConstructor(tuple(ch[1:]), pos=self.pos(meta))

    def map_ctor(self, meta, ch):
        items = tuple(ch[1:])
        if len(items) % 2:
            raise self.error(
                "SQL parse failed. MAP constructor needs an even number of arguments "
                "(key, value, key, value, ...)",
                meta,
            )
        return ast.MapConstructor(items, pos=self.pos(meta))

    def exists(self, meta, ch):
        return ast.Exists(ch[1], pos=self.pos(meta))

    def scalar_subquery(self, meta, ch):
        return ast.ScalarSubquery(ch[0], pos=self.pos(meta))

    def case(self, meta, ch):
        operand = None
        whens: list[ast.WhenClause] = []
        else_ = None
        after_else = False
        for c in ch:
            if isinstance(c, Token):
                after_else = after_else or c.type == "ELSE"
            elif isinstance(c, ast.WhenClause):
                whens.append(c)
            elif after_else:
                else_ = c
            else:
                operand = c
        return ast.Case(operand, tuple(whens), else_, pos=self.pos(meta))

    def when_clause(self, meta, ch):
        return ast.WhenClause(ch[1], ch[3], pos=self.pos(meta))

    def cast(self, meta, ch):
        return ast.Cast(ch[1], ch[3], ch[0].type == "TRY_CAST", pos=self.pos(meta))

    def navigation(self, meta, ch):
        return ast.Navigation(ch[0].type, ch[1], pos=self.pos(meta))

    def descriptor(self, meta, ch):
        return ast.Descriptor(ch[1].value, pos=self.pos(meta))

    def niladic(self, meta, ch):
        return ch[0].type

    def niladic_call(self, meta, ch):
        # CURRENT_TIMESTAMP written without parentheses: unparse prints it back the same way.
        return ast.FunctionCall((ch[0],), syntax="NILADIC", pos=self.pos(meta))

    # --- data types -----------------------------------------------------------------------

    def data_type(self, meta, ch):
        spec: ast.DataTypeSpec = ch[0]
        pos = self.pos(meta)
        for c in ch[1:]:
            if c.kind == "nullable":
                spec = _replace(spec, nullable=c.value)
            else:  # `t ARRAY` / `t MULTISET`
                kind, nullable = c.value
                spec = ast.DataTypeSpec(kind, elements=(spec,), nullable=nullable, pos=pos)
        return spec

    def cast_type(self, meta, ch):
        spec: ast.DataTypeSpec = ch[0]
        for c in ch[1:]:
            spec = ast.DataTypeSpec(c, elements=(spec,), pos=self.pos(meta))
        return spec

    def collection_suffix_plain(self, meta, ch):
        return ch[0].type

    def collection_suffix(self, meta, ch):
        nullable = ch[1].value if len(ch) > 1 else True
        return Part("suffix", (ch[0].type, nullable))

    def not_null(self, meta, ch):
        return Part("nullable", False)

    def null(self, meta, ch):
        return Part("nullable", True)

    def _type(self, meta, ch, name: str | None = None, **kw: Any) -> ast.DataTypeSpec:
        words = [c.type for c in ch if isinstance(c, Token)]
        params = next((c.value for c in ch if isinstance(c, Part)), ())
        return ast.DataTypeSpec(name or " ".join(words), params, pos=self.pos(meta), **kw)

    def simple_type(self, meta, ch):
        return self._type(meta, ch)

    param_type = simple_type

    def time_type(self, meta, ch):
        return self._type(meta, ch, "TIME")  # WITHOUT TIME ZONE is plain TIME

    def timestamp_type(self, meta, ch):
        return self._type(meta, ch, "TIMESTAMP")

    def timestamp_ltz_type(self, meta, ch):
        return self._type(meta, ch, "TIMESTAMP", with_local_time_zone=True)

    def interval_type(self, meta, ch):
        return ast.DataTypeSpec("INTERVAL", interval=ch[1], pos=self.pos(meta))

    def collection_type(self, meta, ch):
        return ast.DataTypeSpec(ch[0].type, elements=(ch[1],), pos=self.pos(meta))

    def map_type(self, meta, ch):
        return ast.DataTypeSpec("MAP", elements=(ch[1], ch[2]), pos=self.pos(meta))

    def row_type(self, meta, ch):
        return ast.DataTypeSpec("ROW", fields=tuple(ch[1:]), pos=self.pos(meta))

    def raw_type(self, meta, ch):
        return ast.DataTypeSpec("RAW", raw_args=tuple(ch[1:]), pos=self.pos(meta))

    def type_params(self, meta, ch):
        return Part("params", tuple(int(t.value) for t in ch))

    def row_field(self, meta, ch):
        comment = ch[2] if len(ch) > 2 else None
        return ast.RowFieldSpec(ch[0], ch[1], comment, pos=self.pos(meta))


def _replace(node: Any, **changes: Any) -> Any:
    """dataclasses.replace that keeps the node's position (pos is keyword-only)."""
    from dataclasses import replace

    return replace(node, **changes)
