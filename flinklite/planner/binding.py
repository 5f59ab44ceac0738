"""What the binder's helpers (aggregation, MATCH_RECOGNIZE, scans, window functions) see of the
Binder, as a protocol they import instead of the Binder itself; and relation aliasing
(`AS t (a, b)`), which the Binder and the helpers share."""

from __future__ import annotations

from typing import Any, Protocol

from flinklite.catalog.types import RowField
from flinklite.errors import Pos, ValidationError
from flinklite.expr.rex import InputRef
from flinklite.planner import logical as L
from flinklite.planner.expressions import ExprContext, ExpressionBinder
from flinklite.planner.scope import Scope
from flinklite.sql import ast


class BinderContext(Protocol):
    """The Binder as its helpers use it."""

    config: Any
    exprs: ExpressionBinder

    def bind_relation(
        self, rel: ast.Relation, parent: Scope | None, left: Scope | None = None
    ) -> tuple[L.RelNode, Scope]: ...

    def bind_subquery(self, query: ast.Query, parent: Scope) -> L.RelNode: ...

    def catalog_function(self, name: ast.Name, pos: Pos) -> Any: ...

    def resolve_window(self, spec: ast.WindowSpec, ctx: ExprContext) -> ast.WindowSpec: ...


def aliased(
    node: L.RelNode, alias: str | None, columns: tuple[str, ...], pos: Pos
) -> tuple[L.RelNode, Scope]:
    """A relation under its alias, its columns renamed when the alias lists them."""
    if columns:
        node = renamed(node, columns, pos)
    return node, Scope.of(alias, node.fields)


def renamed(node: L.RelNode, columns: tuple[str, ...], pos: Pos) -> L.RelNode:
    """A relation with its columns renamed, one name per column, as Calcite checks."""
    if len(columns) != len(node.fields):
        names = "[" + ", ".join(f.name for f in node.fields) + "]"
        raise ValidationError(
            f"List of column aliases must have same degree as table; table has {len(node.fields)} "
            f"columns {names}, whereas alias list has {len(columns)} columns",
            pos=pos,
        )
    fields = tuple(RowField(n, f.type) for n, f in zip(columns, node.fields, strict=True))
    exprs = tuple(InputRef(f.type, i) for i, f in enumerate(node.fields))
    return L.Project(fields, node, exprs)
