"""Reading a catalog table: the source's row (physical, then metadata columns), the projection
that adds computed columns in declared order, and the watermark assigner.

This is the shape Flink gives a table with computed columns and a WATERMARK in its plans."""

from __future__ import annotations

from flinklite.catalog.catalog import ResolvedTable
from flinklite.catalog.schema import ComputedColumn, MetadataColumn, PhysicalColumn, Schema
from flinklite.catalog.types import RowField
from flinklite.connectors.registry import ValidatedTable, validate_resolved_table
from flinklite.errors import ValidationError
from flinklite.expr.rex import InputRef, Rex
from flinklite.planner import logical as L
from flinklite.planner.binding import BinderContext
from flinklite.planner.expressions import ExprContext, cast_to
from flinklite.planner.scope import Scope
from flinklite.sql import ast


def table_scan(binder: BinderContext, table: ResolvedTable, ref: ast.TableRef) -> L.RelNode:
    validated = validate_connector(table, "source")
    schema = table.schema
    physical = [c for c in schema.columns if isinstance(c, PhysicalColumn)]
    metadata = [c for c in schema.columns if isinstance(c, MetadataColumn)]
    source_types = getattr(table, "metadata_types", None) or {}
    scan_fields = tuple(
        RowField(c.name, c.type.without_time_attribute()) for c in physical
    ) + tuple(
        RowField(c.name, source_types.get(c.metadata_key, c.type).without_time_attribute())
        for c in metadata
    )
    ident = table.identifier
    identifier = (ident.catalog, ident.database, ident.name)
    node: L.RelNode = L.TableScan(
        scan_fields, identifier, tuple(c.metadata_key for c in metadata), table, validated
    )
    has_computed = any(isinstance(c, ComputedColumn) for c in schema.columns)
    reordered = [c.name for c in schema.columns if not isinstance(c, ComputedColumn)] != [
        f.name for f in scan_fields
    ]
    needs_cast = any(
        f.type != c.type.without_time_attribute()
        for f, c in zip(scan_fields, physical + metadata, strict=True)
    )
    if has_computed or reordered or needs_cast:
        node = _declared_order(binder, node, schema)
    if schema.watermark is not None:
        index = schema.index_of(schema.watermark.rowtime)
        scope = Scope.of(None, node.fields)
        watermark = binder.exprs.bind(schema.watermark.expr, ExprContext(scope, "WATERMARK"))
        fields = tuple(
            RowField(f.name, c.type) if i == index else f
            for i, (f, c) in enumerate(zip(node.fields, schema.columns, strict=True))
        )
        node = L.WatermarkAssigner(fields, node, index, watermark)
    return node


def validate_connector(table: ResolvedTable, mode: str) -> ValidatedTable:
    """The table's connector and format options checked for reading or writing. As in Flink this
    happens when a table is used, not when it is created; positions would point into the CREATE
    TABLE statement, so the error names the table instead."""
    try:
        return validate_resolved_table(table, mode=mode)
    except ValidationError as e:
        raise ValidationError(e.message, hint=e.hint) from None


def _declared_order(binder: BinderContext, scan: L.RelNode, schema: Schema) -> L.RelNode:
    """Project the source row into the table's declared column order, computing computed columns
    over the physical and metadata fields (computed columns may not refer to each other)."""
    scope = Scope.of(None, scan.fields)
    by_name = {f.name: i for i, f in enumerate(scan.fields)}
    exprs: list[Rex] = []
    for c in schema.columns:
        if isinstance(c, ComputedColumn):
            exprs.append(binder.exprs.bind(c.expr, ExprContext(scope, "computed column")))
        else:
            i = by_name[c.name]
            exprs.append(cast_to(InputRef(scan.fields[i].type, i), c.type.without_time_attribute()))
    fields = tuple(RowField(c.name, e.type) for c, e in zip(schema.columns, exprs, strict=True))
    return L.Project(fields, scan, tuple(exprs))
