"""Parse tree -> AST, part 3: queries, FROM items and MATCH_RECOGNIZE.

Set operations, VALUES, joins, window TVFs, row patterns; statements build on it in _transform_stmt."""

from __future__ import annotations

from lark import Token, v_args

from flinklite.sql import ast
from flinklite.sql._transform import Part, _replace, nodes, parts, tokens
from flinklite.sql._transform_calls import CallTransformer


def _flatten_row(expr: ast.Expr) -> tuple[ast.Expr, ...]:
    """`(a, b)` (or ROW(a, b)) in VALUES is a list of items; anything else is one."""
    if isinstance(expr, ast.RowConstructor):
        return expr.items
    return (expr,)


def _grouping_sets(items: list[ast.Expr]) -> tuple[tuple[ast.Expr, ...], ...]:
    out = []
    for item in items:
        if isinstance(item, ast.RowConstructor) and not item.explicit:
            out.append(item.items)
        else:
            out.append((item,))
    return tuple(out)


@v_args(meta=True)
class QueryTransformer(CallTransformer):
    # --- queries --------------------------------------------------------------------------

    def query(self, meta, ch):
        p = parts(ch)
        body = next(c for c in ch if isinstance(c, ast.QueryBody))
        limit, offset, fetch = p.get("limit", (None, None, False))
        return ast.Query(
            body,
            ctes=p.get("with", ()),
            order_by=p.get("order", ()),
            limit=limit,
            offset=offset,
            fetch_written=fetch,
            pos=self.pos(meta),
        )

    def paren_query(self, meta, ch):
        return ch[0]

    def with_clause(self, meta, ch):
        return Part("with", tuple(ch[1:]))

    def cte(self, meta, ch):
        cols = parts(ch).get("idents", ())
        return ast.Cte(ch[0], ch[-1], cols, pos=self.pos(meta))

    def set_quant(self, meta, ch):
        return ch[0]

    def _set_op(self, meta, ch, op: str) -> ast.SetOperation:
        kws = tokens(ch[1:-1])
        return ast.SetOperation(
            op, ch[0], ch[-1], "ALL" in kws, "DISTINCT" in kws, pos=self.pos(meta)
        )

    def union(self, meta, ch):
        return self._set_op(meta, ch, "UNION")

    def except_(self, meta, ch):
        return self._set_op(meta, ch, "EXCEPT")

    def intersect(self, meta, ch):
        return self._set_op(meta, ch, "INTERSECT")

    def table_query(self, meta, ch):
        return ast.TableQuery(ch[1].parts, pos=self.pos(meta))

    def values(self, meta, ch):
        return ast.Values(tuple(_flatten_row(e) for e in ch[1:]), pos=self.pos(meta))

    def select(self, meta, ch):
        p = parts(ch)
        distinct = any(isinstance(c, Token) and c.type == "DISTINCT" for c in ch)
        return ast.Select(
            tuple(nodes(ch, ast.SelectItem)),
            from_=p.get("from"),
            where=p.get("where"),
            group_by=p.get("group", ()),
            having=p.get("having"),
            distinct=distinct,
            windows=p.get("windows", ()),
            hints=p.get("hints", ()),
            pos=self.pos(meta),
        )

    def select_expr(self, meta, ch):
        return ast.SelectItem(ch[0], pos=self.pos(meta))

    def select_alias(self, meta, ch):
        return ast.SelectItem(ch[0], ch[-1], pos=self.pos(meta))

    def select_star(self, meta, ch):
        return ast.SelectItem(ast.Star(pos=self.pos(meta)), pos=self.pos(meta))

    def select_qualified_star(self, meta, ch):
        star = ast.Star(ch[0].parts, pos=self.pos(meta))
        return ast.SelectItem(star, pos=self.pos(meta))

    def from_clause(self, meta, ch):
        return Part("from", ch[1])

    def where_clause(self, meta, ch):
        return Part("where", ch[1])

    def having(self, meta, ch):
        return Part("having", ch[1])

    def group_by(self, meta, ch):
        return Part("group", tuple(nodes(ch, ast.Expr)))

    def empty_group(self, meta, ch):
        return ast.RowConstructor((), explicit=False, pos=self.pos(meta))

    def grouping_sets(self, meta, ch):
        sets = _grouping_sets(nodes(ch, ast.Expr))
        return ast.GroupingSets("GROUPING SETS", sets, pos=self.pos(meta))

    def rollup(self, meta, ch):
        sets = _grouping_sets(nodes(ch, ast.Expr))
        return ast.GroupingSets("ROLLUP", sets, pos=self.pos(meta))

    def cube(self, meta, ch):
        sets = _grouping_sets(nodes(ch, ast.Expr))
        return ast.GroupingSets("CUBE", sets, pos=self.pos(meta))

    def window_clause(self, meta, ch):
        return Part("windows", tuple(ch[1:]))

    def named_window(self, meta, ch):
        return ast.NamedWindow(ch[0], ch[-1], pos=self.pos(meta))

    def order_by(self, meta, ch):
        return Part("order", tuple(nodes(ch, ast.OrderItem)))

    def sort_dir(self, meta, ch):
        return ch[0]

    def nulls_order(self, meta, ch):
        return ch[1]

    def order_item(self, meta, ch):
        kws = tokens(ch)
        descending = True if "DESC" in kws else False if "ASC" in kws else None
        nulls_first = True if "FIRST" in kws else False if "LAST" in kws else None
        return ast.OrderItem(ch[0], descending, nulls_first, pos=self.pos(meta))

    def _count(self, tok: Token) -> ast.NumericLiteral:
        if not tok.value.isdigit():
            raise self.error(
                f'SQL parse failed. Encountered "{tok.value}" at {self.tpos(tok)}: '
                "expected a non-negative integer",
                tok,
            )
        return ast.NumericLiteral(tok.value, pos=self.tpos(tok))

    def limit_offset(self, meta, ch):
        numbers = [self._count(c) for c in ch if isinstance(c, Token) and c.type == "NUMBER"]
        offset = numbers[1] if len(numbers) > 1 else None
        return Part("limit", (numbers[0], offset, False))

    def offset_fetch(self, meta, ch):
        offset = self._count(ch[1])
        fetch = parts(ch).get("fetch")
        return Part("limit", (fetch, offset, fetch is not None))

    def fetch_only(self, meta, ch):
        return Part("limit", (ch[0].value, None, True))

    def fetch(self, meta, ch):
        number = next(c for c in ch if isinstance(c, Token) and c.type == "NUMBER")
        return Part("fetch", self._count(number))

    def row_word(self, meta, ch):
        return ch[0]

    # --- FROM -----------------------------------------------------------------------------

    def comma_join(self, meta, ch):
        return ast.Join("COMMA", ch[0], ch[1], pos=self.pos(meta))

    def join(self, meta, ch):
        kind, outer, inner = parts(ch)["kind"]
        p = parts(ch)
        right = nodes(ch, ast.Relation)[1]
        return ast.Join(
            kind,
            ch[0],
            right,
            on=p.get("on"),
            using=p.get("using", ()),
            outer_written=outer,
            inner_written=inner,
            pos=self.pos(meta),
        )

    def natural_join(self, meta, ch):
        return _replace(self.join(meta, ch), natural=True)

    def cross_join(self, meta, ch):
        return ast.Join("CROSS", ch[0], ch[-1], pos=self.pos(meta))

    def join_kind(self, meta, ch):
        kws = tokens(ch)
        kind = next((k for k in ("LEFT", "RIGHT", "FULL") if k in kws), "INNER")
        return Part("kind", (kind, "OUTER" in kws, "INNER" in kws))

    def join_cond(self, meta, ch):
        if ch[0].type == "ON":
            return Part("on", ch[1])
        return Part("using", ch[1].value)

    def table_primary(self, meta, ch):
        rel: ast.Relation = ch[0]
        p = parts(ch)
        alias, cols = p.get("alias", (None, ()))
        if "mr" in p:
            return ast.MatchRecognize(
                rel, alias=alias, column_aliases=cols, pos=self.pos(meta), **p["mr"]
            )
        if "alias" not in p:
            return rel
        if isinstance(rel, ast.ParenRelation):
            raise self.error("SQL parse failed. A parenthesised join cannot have an alias", meta)
        return _replace(rel, alias=alias, column_aliases=cols, pos=self.pos(meta))

    def table_name(self, meta, ch):
        p = parts(ch)
        return ast.TableRef(
            ch[0].parts,
            system_time=p.get("system_time"),
            hints=p.get("hints", ()),
            pos=self.pos(meta),
        )

    def subquery(self, meta, ch):
        return ast.SubqueryRef(ch[0], pos=self.pos(meta))

    def lateral_subquery(self, meta, ch):
        return ast.SubqueryRef(ch[1], lateral=True, pos=self.pos(meta))

    def table_function(self, meta, ch):
        lateral = "LATERAL" in tokens(ch)
        return ast.TableFunctionRef(ch[-1], lateral=lateral, pos=self.pos(meta))

    def unnest(self, meta, ch):
        items = tuple(nodes(ch, ast.Expr))
        ordinality = "ORDINALITY" in tokens(ch)
        return ast.Unnest(items, ordinality, pos=self.pos(meta))

    def paren_relation(self, meta, ch):
        return ast.ParenRelation(ch[0], pos=self.pos(meta))

    def system_time(self, meta, ch):
        return Part("system_time", ch[-1])

    def alias(self, meta, ch):
        name = next(c for c in ch if isinstance(c, str) and not isinstance(c, Token))
        return Part("alias", (name, parts(ch).get("idents", ())))

    def hints(self, meta, ch):
        return Part("hints", tuple(nodes(ch, ast.Hint)))

    def hint(self, meta, ch):
        args = [c for c in ch[1:] if isinstance(c, str)]
        options = nodes(ch[1:], ast.Property)
        return ast.Hint(ch[0].upper(), tuple(args), tuple(options), pos=self.pos(meta))

    def hint_kv(self, meta, ch):
        return ast.Property(ch[0], ch[-1], pos=self.pos(meta))

    def hint_word(self, meta, ch):
        c = ch[0]
        return c.value if isinstance(c, Token) else c

    # --- MATCH_RECOGNIZE ------------------------------------------------------------------

    def match_recognize(self, meta, ch):
        p = parts(ch)
        fields = {
            "partition_by": p.get("partition", ()),
            "order_by": p.get("order", ()),
            "measures": p.get("measures", ()),
            "rows_per_match": p.get("rows"),
            "after_match": next(iter(nodes(ch, ast.AfterMatch)), None),
            "pattern": next(iter(nodes(ch, ast.PatternTerm)), None),
            "within": p.get("within"),
            "subsets": p.get("subset", ()),
            "define": tuple(nodes(ch, ast.VariableDef)),
        }
        if fields["pattern"] is None:  # PATTERN () is the empty pattern
            fields["pattern"] = ast.PatternGroup(None)
        return Part("mr", fields)

    def mr_partition(self, meta, ch):
        return Part("partition", tuple(nodes(ch, ast.Expr)))

    def mr_measures(self, meta, ch):
        return Part("measures", tuple(ch[1:]))

    def measure(self, meta, ch):
        return ast.Measure(ch[0], ch[-1], pos=self.pos(meta))

    def one_row(self, meta, ch):
        return Part("rows", "ONE ROW PER MATCH")

    def all_rows(self, meta, ch):
        return Part("rows", "ALL ROWS PER MATCH")

    def all_rows_show(self, meta, ch):
        return Part("rows", "ALL ROWS PER MATCH SHOW EMPTY MATCHES")

    def all_rows_omit(self, meta, ch):
        return Part("rows", "ALL ROWS PER MATCH OMIT EMPTY MATCHES")

    def all_rows_unmatched(self, meta, ch):
        return Part("rows", "ALL ROWS PER MATCH WITH UNMATCHED ROWS")

    def skip_past_last(self, meta, ch):
        return ast.AfterMatch("PAST LAST ROW", pos=self.pos(meta))

    def skip_next_row(self, meta, ch):
        return ast.AfterMatch("TO NEXT ROW", pos=self.pos(meta))

    def skip_to_first(self, meta, ch):
        return ast.AfterMatch("TO FIRST", ch[-1], pos=self.pos(meta))

    def skip_to_last(self, meta, ch):
        return ast.AfterMatch("TO LAST", ch[-1], pos=self.pos(meta))

    def skip_to(self, meta, ch):
        return ast.AfterMatch("TO", ch[-1], pos=self.pos(meta))

    def mr_within(self, meta, ch):
        return Part("within", ch[1])

    def mr_subset(self, meta, ch):
        return Part("subset", tuple(ch[1:]))

    def subset_def(self, meta, ch):
        return ast.SubsetDef(ch[0], ch[1].value, pos=self.pos(meta))

    def var_def(self, meta, ch):
        return ast.VariableDef(ch[0], ch[-1], pos=self.pos(meta))

    def p_alt(self, meta, ch):
        left, right = ch
        items = left.items if isinstance(left, ast.PatternAlternation) else (left,)
        return ast.PatternAlternation(items + (right,), pos=self.pos(meta))

    def p_seq(self, meta, ch):
        left, right = ch
        items = left.items if isinstance(left, ast.PatternConcat) else (left,)
        return ast.PatternConcat(items + (right,), pos=self.pos(meta))

    def p_quantified(self, meta, ch):
        lo, hi, reluctant, text = ch[1].value
        if hi is not None and lo > hi:
            raise self.error(
                f"SQL parse failed. Illegal quantifier {text}: the minimum is larger than the "
                "maximum",
                meta,
            )
        return ast.PatternQuantified(ch[0], lo, hi, reluctant, text, pos=self.pos(meta))

    def p_var(self, meta, ch):
        return ast.PatternVar(ch[0], pos=self.pos(meta))

    def p_group(self, meta, ch):
        return ast.PatternGroup(ch[0] if ch else None, pos=self.pos(meta))

    def p_permute(self, meta, ch):
        return ast.PatternPermute(tuple(ch[1:]), pos=self.pos(meta))

    def p_exclude(self, meta, ch):
        return ast.PatternExclusion(ch[0], pos=self.pos(meta))

    def p_start(self, meta, ch):
        return ast.PatternAnchor("^", pos=self.pos(meta))

    def p_end(self, meta, ch):
        return ast.PatternAnchor("$", pos=self.pos(meta))

    def quantifier(self, meta, ch):
        lo, hi, text = ch[0].value
        return Part("quantifier", (lo, hi, len(ch) > 1, text))

    def _q(self, meta, lo: int, hi: int | None) -> Part:
        text = "".join(self.text[meta.start_pos : meta.end_pos].split())
        return Part("q", (lo, hi, text))

    def q_star(self, meta, ch):
        return self._q(meta, 0, None)

    def q_plus(self, meta, ch):
        return self._q(meta, 1, None)

    def q_opt(self, meta, ch):
        return self._q(meta, 0, 1)

    def q_exact(self, meta, ch):
        n = int(ch[0].value)
        return self._q(meta, n, n)

    def q_min(self, meta, ch):
        return self._q(meta, int(ch[0].value), None)

    def q_max(self, meta, ch):
        return self._q(meta, 0, int(ch[0].value))

    def q_range(self, meta, ch):
        return self._q(meta, int(ch[0].value), int(ch[1].value))
