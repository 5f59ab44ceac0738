"""Parse tree -> AST, part 2: function calls, OVER windows and Calcite's special call syntaxes.

TRIM(.. FROM ..), EXTRACT, JSON_VALUE(.. RETURNING ..) and friends become plain arguments."""

from __future__ import annotations

from typing import Any

from lark import Token, v_args

from flinklite.errors import NO_POS
from flinklite.sql import ast
from flinklite.sql._transform import BaseTransformer, NameP, Part, nodes, parts


@v_args(meta=True)
class CallTransformer(BaseTransformer):
    # --- function calls -------------------------------------------------------------------

    def func_name(self, meta, ch):
        c = ch[0]
        if isinstance(c, NameP):
            if len(c.parts) == 1 and self.text[meta.start_pos] != "`":
                return (c.parts[0].upper(),)  # built-ins are case-insensitive
            return c.parts
        return (c,)

    def reserved_func(self, meta, ch):
        return ch[0].type

    def function_call(self, meta, ch):
        name = ch[0]
        args: tuple[ast.Expr, ...] = ()
        distinct = False
        over = filter_ = None
        within: tuple[ast.OrderItem, ...] = ()
        for c in ch[1:]:
            if isinstance(c, ast.WindowSpec):
                over = c
            elif isinstance(c, Part):
                if c.kind == "args":
                    args, distinct = c.value
                elif c.kind == "filter":
                    filter_ = c.value
                elif c.kind == "within":
                    within = c.value
        return ast.FunctionCall(
            name,
            args,
            distinct=distinct,
            over=over,
            filter=filter_,
            within_group=within,
            pos=self.pos(meta),
        )

    def call_args(self, meta, ch):
        distinct = bool(ch) and isinstance(ch[0], Token) and ch[0].type == "DISTINCT"
        return Part("args", (tuple(nodes(ch, ast.Expr)), distinct))

    def star_arg(self, meta, ch):
        return Part("args", ((ast.Star(pos=self.pos(meta)),), False))

    def table_arg(self, meta, ch):
        name: NameP = ch[1]
        partition: tuple[ast.Expr, ...] = ()
        if len(ch) > 2:
            key = ch[-1]
            if isinstance(key, ast.RowConstructor) and not key.explicit:
                partition = key.items  # PARTITION BY (a, b)
            else:
                partition = (key,)
        rel = ast.TableRef(name.parts, pos=name.pos)
        return ast.TableArgument(rel, partition, pos=self.pos(meta))

    def named_arg(self, meta, ch):
        return ast.NamedArgument(ch[0], ch[1], pos=self.pos(meta))

    def within_group(self, meta, ch):
        return Part("within", ch[-1].value)

    def filter_clause(self, meta, ch):
        return Part("filter", ch[-1])

    def over_named(self, meta, ch):
        return ast.WindowSpec(name=ch[1], pos=self.pos(meta))

    def over_spec(self, meta, ch):
        return ch[1]

    def window_spec(self, meta, ch):
        name = next((c for c in ch if isinstance(c, str)), None)
        frame = next((c for c in ch if isinstance(c, ast.WindowFrame)), None)
        p = parts(ch)
        return ast.WindowSpec(
            name, p.get("partition", ()), p.get("order", ()), frame, pos=self.pos(meta)
        )

    def window_partition(self, meta, ch):
        return Part("partition", tuple(nodes(ch, ast.Expr)))

    def frame_single(self, meta, ch):
        return ast.WindowFrame(ch[0].type, ch[1], pos=self.pos(meta))

    def frame_between(self, meta, ch):
        start, end = nodes(ch, ast.FrameBound)
        return ast.WindowFrame(ch[0].type, start, end, pos=self.pos(meta))

    def unbounded_preceding(self, meta, ch):
        return ast.FrameBound("UNBOUNDED PRECEDING", pos=self.pos(meta))

    def unbounded_following(self, meta, ch):
        return ast.FrameBound("UNBOUNDED FOLLOWING", pos=self.pos(meta))

    def current_row(self, meta, ch):
        return ast.FrameBound("CURRENT ROW", pos=self.pos(meta))

    def preceding(self, meta, ch):
        return ast.FrameBound("PRECEDING", ch[0], pos=self.pos(meta))

    def following(self, meta, ch):
        return ast.FrameBound("FOLLOWING", ch[0], pos=self.pos(meta))

    # --- SQL/JSON functions: clauses as Symbol arguments (keyword runs joined by spaces) ---

    def json_value(self, meta, ch):
        return self.json_fn(meta, ch)

    def json_fn(self, meta, ch):
        args: list[ast.Expr] = []
        returning = None
        order: tuple[ast.OrderItem, ...] = ()
        for c in ch[1:]:
            if isinstance(c, ast.Expr):
                args.append(c)
            elif isinstance(c, Part):
                if c.kind == "returning":
                    returning = c.value
                elif c.kind == "order":
                    order = c.value  # JSON_ARRAYAGG(x ORDER BY y)
                else:  # "json": Symbols and DEFAULT expressions in written order
                    args.extend(c.value)
        return ast.FunctionCall(
            (ch[0].type,),
            tuple(args),
            syntax="JSON",
            within_group=order,
            returning=returning,
            pos=self.pos(meta),
        )

    def json_returning(self, meta, ch):
        return Part("returning", ch[1])

    def _json_words(self, meta, ch) -> Part:
        # Flatten to words and expressions in written order, then join each run of words.
        seq: list[Any] = []
        for c in ch:
            if isinstance(c, Token):
                seq.append(c.type)
            elif isinstance(c, Part):
                seq.extend(x.name if isinstance(x, ast.Symbol) else x for x in c.value)
            else:
                seq.append(c)
        items: list[ast.Expr] = []
        words: list[str] = []
        for x in seq:
            if isinstance(x, str):
                words.append(x)
                continue
            if words:
                items.append(ast.Symbol(" ".join(words)))
                words = []
            items.append(x)
        if words:
            items.append(ast.Symbol(" ".join(words)))
        return Part("json", items)

    json_behavior = json_behavior_kind = json_wrapper = json_null = _json_words

    def json_kv(self, meta, ch):
        key, value = nodes(ch, ast.Expr)
        return Part("json", [key, value])

    # --- special argument syntaxes (Calcite style: keywords become plain arguments) --------

    def _call(self, meta, name: str, args: list[Any], syntax: str = "") -> ast.FunctionCall:
        return ast.FunctionCall((name,), tuple(args), syntax=syntax, pos=self.pos(meta))

    def _symbol(self, value: str, meta: Any = None) -> ast.Symbol:
        return ast.Symbol(value, pos=self.pos(meta) if meta is not None else NO_POS)

    def trim_from(self, meta, ch):
        spec = self._symbol(ch[1])
        operands = nodes(ch, ast.Expr)
        chars = operands[0] if len(operands) == 2 else ast.StringLiteral(" ")
        return self._call(meta, "TRIM", [spec, chars, operands[-1]], "FROM")

    def trim_chars_from(self, meta, ch):
        chars, value = nodes(ch, ast.Expr)
        return self._call(meta, "TRIM", [self._symbol("BOTH"), chars, value], "FROM")

    def trim_plain(self, meta, ch):
        return self._call(meta, "TRIM", nodes(ch, ast.Expr))

    def trim_spec(self, meta, ch):
        return ch[0].type

    def extract(self, meta, ch):
        unit = next(c for c in ch if isinstance(c, str) and not isinstance(c, Token))
        return self._call(meta, "EXTRACT", [self._symbol(unit), ch[-1]], "FROM")

    def substring_from(self, meta, ch):
        return self._call(meta, "SUBSTRING", nodes(ch, ast.Expr), "FROM")

    def substring_plain(self, meta, ch):
        return self._call(meta, "SUBSTRING", nodes(ch, ast.Expr))

    def position_in(self, meta, ch):
        return self._call(meta, "POSITION", nodes(ch, ast.Expr), "IN")

    def position_plain(self, meta, ch):
        return self._call(meta, "POSITION", nodes(ch, ast.Expr))

    def overlay(self, meta, ch):
        return self._call(meta, "OVERLAY", nodes(ch, ast.Expr), "FROM")

    def floor_to(self, meta, ch):
        unit = ch[-1]
        return self._call(meta, ch[0].type, [ch[1], self._symbol(unit)], "TO")

    def floor_plain(self, meta, ch):
        return self._call(meta, ch[0].type, [ch[1]])

    def timestampadd(self, meta, ch):
        unit, *rest = (c for c in ch[1:])
        return self._call(meta, ch[0].type, [self._symbol(unit), *rest])

    timestampdiff = timestampadd
