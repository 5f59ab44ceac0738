"""The binder: validated AST queries become logical plans (FROM, WHERE, GROUP BY, SELECT, set
operations, ORDER BY / LIMIT, INSERT), with Flink's name resolution and errors.

Expression typing lives in planner.expressions; MATCH_RECOGNIZE and window TVFs in planner.match
and planner.windows, which this module calls for those relations."""

from __future__ import annotations

from typing import Any

from flinklite.catalog import types as T
from flinklite.catalog.catalog import Catalog, ResolvedView
from flinklite.catalog.types import DataType, RowField
from flinklite.config import Configuration
from flinklite.errors import Pos, ValidationError
from flinklite.expr import coercion
from flinklite.expr.rex import Call, InputRef, Literal, Rex, substitute
from flinklite.planner import logical as L
from flinklite.planner.aggregation import Aggregation, needs_aggregation
from flinklite.planner.binding import aliased, renamed
from flinklite.planner.expressions import ExprContext, ExpressionBinder, cast_to
from flinklite.planner.match import bind_match_recognize
from flinklite.planner.scan import table_scan, validate_connector
from flinklite.planner.scope import Scope, ScopeField
from flinklite.planner.windows import bind_table_function, bind_unnest
from flinklite.sql import ast


class Binder:
    """Binds statements against a catalog; one instance per statement."""

    def __init__(self, catalog: Catalog, config: Configuration | None = None) -> None:
        self.catalog = catalog
        self.config = config
        self.exprs = ExpressionBinder(self)
        self._ctes: list[dict[str, ast.Cte]] = []
        # The FROM scope of each plain SELECT's projection, for ORDER BY on what it leaves out.
        self._select_scopes: dict[int, Scope] = {}
        self._view_stack: list[str] = []

    # --- public entry points -------------------------------------------------------------------

    def bind_query(self, query: ast.QueryBody, parent: Scope | None = None) -> L.RelNode:
        if isinstance(query, ast.Query):
            return self._bind_query(query, parent)
        return self._bind_body(query, parent)

    def bind_subquery(self, query: ast.Query, parent: Scope) -> L.RelNode:
        return self.bind_query(query, parent)

    def bind_insert(self, stmt: ast.Insert) -> L.Sink:
        table = self.catalog.resolve(stmt.table, stmt.pos)
        if isinstance(table, ResolvedView):
            raise ValidationError(
                f"Cannot INSERT into view '{table.identifier.summary()}': a view is not a sink",
                pos=stmt.pos,
            )

        validated = validate_connector(table, "sink")
        ident = table.identifier
        identifier = (ident.catalog, ident.database, ident.name)
        query = self.bind_query(stmt.query)
        sink_cols = list(table.schema.persisted_columns)
        if stmt.columns:
            by_name = {c.name: c for c in sink_cols}
            for name in stmt.columns:
                if name not in by_name:
                    raise ValidationError(
                        f"Unknown target column '{name}' in table '{'.'.join(identifier)}'",
                        pos=stmt.pos,
                    )
            targets = [by_name[n] for n in stmt.columns]
            if len(targets) != len(query.fields):
                raise ValidationError(
                    "Number of columns must match number of query columns", pos=stmt.query.pos
                )
        else:
            targets = sink_cols
        coercion.check_insert(
            ".".join(identifier),
            [(f.name, f.type) for f in query.fields],
            [(c.name, c.type) for c in targets],
            stmt.query.pos,
        )
        exprs = [
            cast_to(InputRef(f.type, i), c.type.without_time_attribute())
            for i, (f, c) in enumerate(zip(query.fields, targets, strict=True))
        ]
        fields = tuple(RowField(c.name, c.type) for c in targets)
        projected = (
            L.Project(fields, query, tuple(exprs))
            if any(not isinstance(e, InputRef) for e in exprs)
            or [f.name for f in query.fields] != [c.name for c in targets]
            else query
        )
        return L.Sink(fields, projected, identifier, stmt.overwrite, table, validated)

    def type_expression(self, expr: ast.Expr, columns: list[tuple[str, DataType]]) -> DataType:
        """The type of a computed column or watermark expression over a table's columns."""
        scope = Scope([ScopeField(None, n, t) for n, t in columns], table_expression=True)
        return self.exprs.bind(expr, ExprContext(scope, "computed column")).type

    def catalog_function(self, name: ast.Name, pos: Pos) -> Any:
        return self.catalog.lookup_function(name)

    def resolve_window(self, spec: ast.WindowSpec, ctx: ExprContext) -> ast.WindowSpec:
        if spec.name is None:
            return spec
        windows = ctx.extra.get("windows", {})
        if spec.name not in windows:
            raise ValidationError(f"Window '{spec.name}' not found", pos=spec.pos)
        return windows[spec.name]

    # --- queries -------------------------------------------------------------------------------

    def _bind_query(self, q: ast.Query, parent: Scope | None) -> L.RelNode:
        self._ctes.append({c.name: c for c in q.ctes})
        try:
            rel = self._bind_body(q.body, parent)
            if q.order_by or q.limit is not None or q.offset is not None:
                rel = self._bind_sort(rel, q)
            return rel
        finally:
            self._ctes.pop()

    def _bind_body(self, body: ast.QueryBody, parent: Scope | None) -> L.RelNode:
        if isinstance(body, ast.Query):
            return self._bind_query(body, parent)
        if isinstance(body, ast.Select):
            return self._bind_select(body, parent)
        if isinstance(body, ast.SetOperation):
            return self._bind_set_op(body, parent)
        if isinstance(body, ast.Values):
            return self._bind_values(body, parent)
        if isinstance(body, ast.TableQuery):
            rel, _ = self.bind_relation(ast.TableRef(body.name, pos=body.pos), parent)
            return rel
        raise ValidationError(f"Unsupported query: {type(body).__name__}", pos=body.pos)

    def _bind_sort(self, rel: L.RelNode, q: ast.Query) -> L.RelNode:
        collation = []
        scope = Scope.of(None, rel.fields)
        # ORDER BY an expression, or a column the SELECT does not return: computed as a hidden
        # column of the projection, sorted on, then projected away.
        hidden: list[Rex] = []
        width = len(rel.fields)
        for item in q.order_by:
            if isinstance(item.expr, ast.NumericLiteral) and item.expr.text.isdigit():
                index = int(item.expr.text) - 1
                if not 0 <= index < len(rel.fields):
                    raise ValidationError(f"Ordinal out of range: {item.expr.text}", pos=item.pos)
                item_type = rel.fields[index].type
            else:
                ref, over_input = self._order_key(rel, item, scope)
                if not over_input:
                    index, item_type = ref.index, rel.fields[ref.index].type  # type: ignore[attr-defined]
                else:
                    hidden.append(ref)
                    index, item_type = width + len(hidden) - 1, ref.type
            T.check_orderable(item_type, item.pos)
            desc = bool(item.descending)
            nulls_first = item.nulls_first if item.nulls_first is not None else not desc
            collation.append((index, desc, nulls_first))
        sorted_input = rel
        if hidden:
            assert isinstance(rel, L.Project)
            extra = tuple(RowField(f"$order{i}", h.type) for i, h in enumerate(hidden))
            sorted_input = L.Project(rel.fields + extra, rel.input, rel.exprs + tuple(hidden))
        if collation and q.limit is None and self._streaming():
            first, desc, _ = collation[0]
            if sorted_input.fields[first].type.time_attribute is None or desc:
                raise ValidationError(
                    "Sort on a non-time-attribute field is not supported.", pos=q.order_by[0].pos
                )
        offset = self._bind_count(q.offset, "OFFSET")
        fetch = self._bind_count(q.limit, "LIMIT")
        node: L.RelNode = L.Sort(sorted_input.fields, sorted_input, tuple(collation), offset, fetch)
        if hidden:
            keep = tuple(InputRef(f.type, i) for i, f in enumerate(rel.fields))
            node = L.Project(rel.fields, node, keep)
        return node

    def _order_key(self, rel: L.RelNode, item: ast.OrderItem, scope: Scope) -> tuple[Rex, bool]:
        """An ORDER BY key: an output column (False), or an expression over the projection's
        input (True) — an expression of output columns, or a column the SELECT leaves out."""
        try:
            ref = self.exprs.bind(item.expr, ExprContext(scope, "ORDER BY"))
        except ValidationError:
            inner = self._select_scopes.get(id(rel))
            if not isinstance(rel, L.Project) or inner is None:  # SELECT DISTINCT, GROUP BY
                raise
            return self.exprs.bind(item.expr, ExprContext(inner, "ORDER BY")), True
        if isinstance(ref, InputRef):
            return ref, False
        if not isinstance(rel, L.Project):
            raise ValidationError(
                "ORDER BY supports the query's output columns and their ordinals only here",
                pos=item.pos,
            )
        return substitute(ref, rel.exprs), True

    def _streaming(self) -> bool:
        mode = self.config.get("execution.runtime-mode") if self.config is not None else None
        return (mode or "streaming").lower() != "batch"

    def _bind_count(self, expr: ast.Expr | None, clause: str) -> Rex | None:
        if expr is None:
            return None
        rex = self.exprs.bind(expr, ExprContext(Scope(), clause))
        if not (isinstance(rex, Literal) and rex.type.is_integer and rex.value >= 0):
            raise ValidationError(f"{clause} must be a non-negative integer literal", pos=expr.pos)
        return rex

    def _bind_values(self, v: ast.Values, parent: Scope | None) -> L.RelNode:
        ctx = ExprContext(parent or Scope(), "VALUES")
        for row in v.rows:
            for x in row:
                _reject_bare_null(x)
        rows = [[self.exprs.bind(x, ctx) for x in row] for row in v.rows]
        width = len(rows[0])
        for row, node in zip(rows, v.rows, strict=True):
            if len(row) != width:
                raise ValidationError(
                    "Values passed to VALUES operator must have compatible types",
                    pos=node[0].pos if node else v.pos,
                )
        column_types = [
            coercion.least_restrictive([r[i].type for r in rows], v.pos) for i in range(width)
        ]
        cast_rows = tuple(tuple(cast_to(r[i], column_types[i]) for i in range(width)) for r in rows)
        fields = tuple(RowField(f"EXPR${i}", t) for i, t in enumerate(column_types))
        return L.Values(fields, cast_rows)

    def _bind_set_op(self, s: ast.SetOperation, parent: Scope | None) -> L.RelNode:
        left = self._bind_body(s.left, parent)
        right = self._bind_body(s.right, parent)
        if len(left.fields) != len(right.fields):
            raise ValidationError(
                f"Column count mismatch in {s.op}: {len(left.fields)} columns on the left, "
                f"{len(right.fields)} on the right",
                pos=s.pos,
            )
        types = [
            coercion.least_restrictive([lf.type, rf.type], s.pos)
            for lf, rf in zip(left.fields, right.fields, strict=True)
        ]
        fields = tuple(RowField(f.name, t) for f, t in zip(left.fields, types, strict=True))
        kind = {"UNION": "Union", "INTERSECT": "Intersect", "EXCEPT": "Minus"}[s.op]
        operands = tuple(_cast_rel(r, types) for r in (left, right))
        return L.SetOp(fields, kind, operands, s.all)

    # --- SELECT --------------------------------------------------------------------------------

    def _bind_select(self, sel: ast.Select, parent: Scope | None) -> L.RelNode:
        if sel.from_ is None:
            rel: L.RelNode = L.Values(
                (RowField("ZERO", T.int_(False)),), ((Literal(T.int_(False), 0),),)
            )
            scope = Scope([], parent)
        else:
            rel, scope = self.bind_relation(sel.from_, parent)
            scope = Scope(scope.fields, parent)
        windows = {w.name: w.spec for w in sel.windows}
        if sel.where is not None:
            cond = self.exprs.bind_condition(
                sel.where, ExprContext(scope, "WHERE", extra={"windows": windows})
            )
            rel = L.Filter(rel.fields, rel, cond)
        items = self._expand_stars(sel.items, scope)
        for expr, _ in items:
            _reject_bare_null(expr)

        aggregated = bool(sel.group_by) or needs_aggregation(sel, items)
        if aggregated:
            agg = Aggregation(self, rel, scope, sel.group_by, windows)
            exprs = [agg.bind(expr, "SELECT") for expr, _ in items]
            # HAVING may add aggregates of its own: bind it before the aggregate is built.
            having = (
                agg.bind(sel.having, "HAVING", condition=True) if sel.having is not None else None
            )
            rel = agg.build()
            if having is not None:
                rel = L.Filter(rel.fields, rel, having)
        else:
            if sel.having is not None:
                raise ValidationError(
                    "HAVING requires GROUP BY or an aggregate", pos=sel.having.pos
                )
            ctx = ExprContext(scope, "SELECT", allow_over=True, extra={"windows": windows})
            exprs = [self.exprs.bind(expr, ctx) for expr, _ in items]
        names = _unique_names([_item_name(expr, alias, i) for i, (expr, alias) in enumerate(items)])
        fields = tuple(RowField(n, e.type) for n, e in zip(names, exprs, strict=True))
        project = L.Project(fields, rel, tuple(exprs))
        if not aggregated:
            self._select_scopes[id(project)] = scope
        if sel.distinct:
            return L.Aggregate(project.fields, project, tuple(range(len(fields))), ())
        return project

    def _expand_stars(
        self, items: tuple[ast.SelectItem, ...], scope: Scope
    ) -> list[tuple[ast.Expr, str | None]]:
        out: list[tuple[ast.Expr, str | None]] = []
        for item in items:
            if not isinstance(item.expr, ast.Star):
                out.append((item.expr, item.alias))
                continue
            q = item.expr.qualifier
            if q:
                indexes = scope.relation_fields(q[-1])
                if not indexes:
                    raise ValidationError(f"Unknown identifier '{'.'.join(q)}'", pos=item.pos)
            else:
                indexes = list(range(len(scope.fields)))
                if not indexes:
                    raise ValidationError("SELECT * requires a FROM clause", pos=item.pos)
            for i in indexes:
                f = scope.fields[i]
                parts = (
                    (f.relation, f.name)
                    if f.relation is not None and _ambiguous(scope, f.name)
                    else (f.name,)
                )
                out.append((ast.Identifier(parts, pos=item.pos), None))
        return out

    # --- FROM ----------------------------------------------------------------------------------

    def bind_relation(
        self, rel: ast.Relation, parent: Scope | None, left: Scope | None = None
    ) -> tuple[L.RelNode, Scope]:
        if isinstance(rel, ast.TableRef):
            return self._bind_table_ref(rel, parent, left)
        if isinstance(rel, ast.SubqueryRef):
            node = self.bind_query(rel.query, left if rel.lateral else parent)
            return aliased(node, rel.alias, rel.column_aliases, rel.pos)
        if isinstance(rel, ast.Join):
            return self._bind_join(rel, parent)
        if isinstance(rel, ast.ParenRelation):
            return self.bind_relation(rel.relation, parent, left)
        if isinstance(rel, ast.MatchRecognize):
            return bind_match_recognize(self, rel, parent)
        if isinstance(rel, ast.TableFunctionRef):
            return bind_table_function(self, rel, parent, left)
        if isinstance(rel, ast.Unnest):
            return bind_unnest(self, rel, left or parent or Scope())
        raise ValidationError(f"Unsupported FROM item: {type(rel).__name__}", pos=rel.pos)

    def _bind_table_ref(
        self, ref: ast.TableRef, parent: Scope | None, left: Scope | None
    ) -> tuple[L.RelNode, Scope]:
        alias = ref.alias or ref.name[-1]
        node = self._lookup_cte(ref)
        if node is None:
            obj = self.catalog.resolve(ref.name, ref.pos)
            if isinstance(obj, ResolvedView):
                node = self._bind_view(obj, ref)
            else:
                node = table_scan(self, obj, ref)
        if ref.system_time is not None:
            scope = left if left is not None else Scope()
            period = self.exprs.bind(ref.system_time, ExprContext(scope, "FOR SYSTEM_TIME AS OF"))
            if not period.type.is_timestamp:
                raise ValidationError(
                    f"The system time period specification expects TIMESTAMP type, but is '{period.type}'",
                    pos=ref.system_time.pos,
                )
            node = L.Snapshot(node.fields, node, period)
        return aliased(node, alias, ref.column_aliases, ref.pos)

    def _lookup_cte(self, ref: ast.TableRef) -> L.RelNode | None:
        if len(ref.name) != 1:
            return None
        for level in range(len(self._ctes) - 1, -1, -1):
            cte = self._ctes[level].get(ref.name[0])
            if cte is None:
                continue
            saved = self._ctes
            # A CTE sees the CTEs defined before it: outer WITHs, and earlier ones of its own.
            names = list(self._ctes[level])
            earlier = {n: self._ctes[level][n] for n in names[: names.index(ref.name[0])]}
            self._ctes = [*self._ctes[:level], earlier]
            try:
                node = self.bind_query(cte.query)
            finally:
                self._ctes = saved
            return renamed(node, cte.columns, cte.pos) if cte.columns else node
        return None

    def _bind_view(self, view: ResolvedView, ref: ast.TableRef) -> L.RelNode:
        key = view.identifier.summary()
        if key in self._view_stack:
            raise ValidationError(f"View '{key}' refers to itself", pos=ref.pos)
        self._view_stack.append(key)
        saved, self._ctes = self._ctes, []
        try:
            node = self.bind_query(view.query)
        finally:
            self._ctes = saved
            self._view_stack.pop()
        return renamed(node, tuple(view.columns), ref.pos) if view.columns else node

    def _bind_join(self, j: ast.Join, parent: Scope | None) -> tuple[L.RelNode, Scope]:
        left, lscope = self.bind_relation(j.left, parent)
        right, rscope = self.bind_relation(j.right, parent, left=Scope(lscope.fields, parent))
        kind = {"INNER": "inner", "LEFT": "left", "RIGHT": "right", "FULL": "full"}.get(
            j.kind, "inner"
        )
        lfields = [_nullable_if(f, kind in ("right", "full")) for f in lscope.fields]
        rfields = [_nullable_if(f, kind in ("left", "full")) for f in rscope.fields]
        scope = Scope(lfields + rfields, parent)
        fields = tuple(RowField(f.name, f.type) for f in scope.fields)
        if isinstance(j.right, (ast.TableFunctionRef, ast.Unnest)) or getattr(
            j.right, "lateral", False
        ):
            return L.Correlate(fields, left, right, kind), scope
        if j.on is not None:
            cond = self.exprs.bind_condition(j.on, ExprContext(scope, "ON"))
        elif j.using:
            cond = self._using_condition(j, scope, len(lscope.fields))
        else:
            if j.kind not in ("CROSS", "COMMA", "INNER") or (j.kind == "INNER" and not j.natural):
                if j.kind != "CROSS" and j.kind != "COMMA":
                    raise ValidationError(
                        f"{j.kind} JOIN requires an ON or USING condition", pos=j.pos
                    )
            cond = Literal(T.boolean(False), True)
        return L.Join(fields, left, right, kind, cond), scope

    def _using_condition(self, j: ast.Join, scope: Scope, split: int) -> Rex:
        conds: list[Rex] = []
        for name in j.using:
            left = [i for i, f in enumerate(scope.fields[:split]) if f.name == name]
            right = [i + split for i, f in enumerate(scope.fields[split:]) if f.name == name]
            if not left or not right:
                raise ValidationError(
                    f"Column '{name}' not found in both sides of the USING join", pos=j.pos
                )
            lref = InputRef(scope.fields[left[0]].type, left[0])
            rref = InputRef(scope.fields[right[0]].type, right[0])
            lt, rt = coercion.comparison_types("=", lref.type, rref.type, j.pos)
            conds.append(Call(T.boolean(True), "=", (cast_to(lref, lt), cast_to(rref, rt))))
        cond = conds[0]
        for c in conds[1:]:
            cond = Call(T.boolean(True), "AND", (cond, c))
        return cond


# --- helpers -----------------------------------------------------------------------------------


def _reject_bare_null(expr: ast.Expr) -> None:
    """An untyped NULL where a column's type comes from it: Calcite asks for CAST(NULL AS t)."""
    if isinstance(expr, ast.NullLiteral):
        raise ValidationError(
            "Illegal use of 'NULL'", pos=expr.pos, hint="write CAST(NULL AS <type>)"
        )


def _cast_rel(rel: L.RelNode, types: list[DataType]) -> L.RelNode:
    exprs = [
        cast_to(InputRef(f.type, i), t)
        for i, (f, t) in enumerate(zip(rel.fields, types, strict=True))
    ]
    if all(isinstance(e, InputRef) for e in exprs):
        return rel
    fields = tuple(RowField(f.name, e.type) for f, e in zip(rel.fields, exprs, strict=True))
    return L.Project(fields, rel, tuple(exprs))


def _nullable_if(f: ScopeField, nullable: bool) -> ScopeField:
    return ScopeField(f.relation, f.name, f.type.with_nullable(True)) if nullable else f


def _ambiguous(scope: Scope, name: str) -> bool:
    return sum(1 for f in scope.fields if f.name == name) > 1


def _item_name(expr: ast.Expr, alias: str | None, index: int) -> str:
    if alias:
        return alias
    if isinstance(expr, ast.Identifier):
        return expr.parts[-1]
    if isinstance(expr, ast.FieldAccess):
        return expr.field
    return f"EXPR${index}"


def _unique_names(names: list[str]) -> list[str]:
    """Calcite's rule for duplicate output names: the second `a` becomes `a0`, then `a1`."""
    seen: set[str] = set()
    out = []
    for n in names:
        candidate, k = n, 0
        while candidate in seen:
            candidate = f"{n}{k}"
            k += 1
        seen.add(candidate)
        out.append(candidate)
    return out


def _names(fields: tuple[RowField, ...]) -> str:
    return "[" + ", ".join(f.name for f in fields) + "]"
