"""Planning a statement into a physical plan ending in a sink: the query's collect sink or an
INSERT's table sink, checked against the changelog the sink accepts, as Flink checks it.

Also renders EXPLAIN's physical sections."""

from __future__ import annotations

import dataclasses

from flinklite.catalog.schema import MetadataColumn
from flinklite.catalog.types import RowField
from flinklite.errors import ValidationError
from flinklite.expr.rex import InputRef, Literal, Rex
from flinklite.planner import logical as L
from flinklite.planner import physical as P
from flinklite.planner.passes import optimize
from flinklite.planner.passes.changelog import KIND_SHORT, changes_text, describe_producer
from flinklite.runtime.connector import SinkSpec


def plan_query(rel: L.RelNode, *, batch: bool = False) -> P.Sink:
    """A SELECT: its rows go to the client's result collector, which accepts every change."""
    root = optimize(rel, batch=batch)
    return P.Sink(rel.fields, root, None, changelog=root.changelog)


def plan_insert(sink: L.Sink, *, batch: bool = False, overwrite: bool = False) -> P.Sink:
    table, validated = sink.table, sink.validated
    assert table is not None and validated is not None  # the binder resolves and validates
    root = optimize(sink.input, batch=batch)
    columns = list(table.schema.persisted_columns)
    root = _fill_missing_columns(root, sink.fields, columns)
    accepted = tuple(KIND_SHORT[k] for k in validated.changelog)
    name = table.identifier.summary()
    _check_changelog(name, root, accepted)
    pk = table.schema.primary_key.columns if table.schema.primary_key is not None else ()
    if overwrite and validated.factory.identifier != "filesystem":
        raise ValidationError(
            f"INSERT OVERWRITE requires that the underlying DynamicTableSink of table '{name}' "
            "implements the SupportsOverwrite interface."
        )
    upsert_only = "+U" in accepted and "-U" not in accepted
    names = tuple(c.name for c in columns)
    conflict = None if batch else _on_conflict_rule(root, upsert_only, names, tuple(pk), name)
    if upsert_only and not root.insert_only:
        root = _into_upsert_sink(root, names, tuple(pk))
    delivered = root.changelog
    if "+U" in accepted and "-U" not in accepted:
        delivered = tuple(k for k in delivered if k != "-U")
    spec = SinkSpec(
        connector=validated.factory.identifier,
        table_name=name,
        options=validated.options,
        formats={r: (f.identifier, o) for r, (f, o) in validated.formats.items()},
        fields=tuple(RowField(c.name, c.type.without_time_attribute()) for c in columns),
        primary_key=tuple(pk),
        changelog=delivered,
        metadata=tuple(
            (i, c.metadata_key) for i, c in enumerate(columns) if isinstance(c, MetadataColumn)
        ),
        overwrite=overwrite,
        batch=batch,
    )
    return P.Sink(
        root.fields,
        root,
        sink.identifier,
        spec,
        on_conflict_required=conflict,
        changelog=delivered,
    )


def _on_conflict_rule(
    root: P.PhysNode, upsert_only: bool, names: tuple[str, ...], pk: tuple[str, ...], table: str
) -> str | None:
    """Flink 2.3 refuses an INSERT into a table with a primary key, unless it says ON CONFLICT,
    when the sink works in upsert mode (it only takes upserts, or the query updates) and the
    query's rows are not keyed by that primary key: rows with different keys could then
    overwrite each other. Flink's message, or None when Flink 2.3 runs the INSERT as written."""
    if not pk or not (upsert_only or not root.insert_only):
        return None
    pk_index = {names.index(c) for c in pk}
    key = None if root.insert_only else P.upsert_key(root)
    if key is not None and set(key) <= pk_index:
        return None
    shown = "none" if key is None else ", ".join(root.fields[i].name for i in key)
    return (
        "The query has an upsert key that differs from the primary key of the sink table "
        f"'{table}'. Primary key: [{', '.join(pk)}], upsert key: {shown}. Flink 2.3 needs an "
        "ON CONFLICT clause (DO DEDUPLICATE, DO NOTHING or DO ERROR) for it"
    )


def _into_upsert_sink(root: P.PhysNode, names: tuple[str, ...], pk: tuple[str, ...]) -> P.PhysNode:
    """An updating result into an upsert sink (keyed by its primary key): when the result is
    keyed by the same columns, updates need no UPDATE_BEFORE and the producer stops making
    them; otherwise a SinkUpsertMaterializer keeps the rows per primary key, as Flink adds."""
    pk_index = tuple(names.index(c) for c in pk)
    key = P.upsert_key(root)
    if key is not None and pk_index and set(key) <= set(pk_index):
        return _without_update_before(root)
    if not pk_index:
        return root
    return P.SinkUpsertMaterializer(root.fields, root, pk_index, changelog=P.UPSERT)


def _without_update_before(node: P.PhysNode) -> P.PhysNode:
    """`node` and the pass-through operators under it, down to the one producing the updates,
    planned to emit no UPDATE_BEFORE (the GroupAggregate's generateUpdateBefore = false)."""
    kinds = tuple(k for k in node.changelog if k != "-U")
    if isinstance(node, (P.Calc, P.Exchange)):
        inner = _without_update_before(node.input)
        return dataclasses.replace(node, input=inner, changelog=kinds)
    if isinstance(node, (P.GroupAggregate, P.ChangelogNormalize, P.Deduplicate)):
        return dataclasses.replace(node, changelog=kinds)
    return node


def _fill_missing_columns(root: P.PhysNode, given: tuple[RowField, ...], columns) -> P.PhysNode:
    """INSERT INTO t (a, c): the columns not listed are written as NULL, in table order."""
    names = [f.name for f in given]
    if names == [c.name for c in columns]:
        return root
    exprs: list[Rex] = []
    for c in columns:
        t = c.type.without_time_attribute()
        if c.name in names:
            exprs.append(InputRef(root.fields[names.index(c.name)].type, names.index(c.name)))
        else:
            if not t.nullable:
                raise ValidationError(
                    f"Column '{c.name}' has no default value and does not allow NULLs"
                )
            exprs.append(Literal(t, None))
    fields = tuple(RowField(c.name, e.type) for c, e in zip(columns, exprs, strict=True))
    return P.Calc(fields, root, tuple(exprs), changelog=root.changelog)


def _check_changelog(table: str, root: P.PhysNode, accepted: tuple[str, ...]) -> None:
    produced = set(root.changelog)
    updates = bool(produced & {"-U", "+U"}) and "+U" not in accepted
    deletes = "-D" in produced and "-D" not in accepted
    if not (updates or deletes):
        return
    what = changes_text(({"+U"} if updates else set()) | ({"-D"} if deletes else set()))
    raise ValidationError(
        f"Table sink '{table}' doesn't support consuming {what} changes which is produced by "
        f"node {describe_producer(root)}"
    )


def explain_physical(sinks: list[P.Sink], *, changelog_mode: bool = False) -> str:
    """EXPLAIN's `== Optimized Physical Plan ==` and `== Optimized Execution Plan ==`."""
    physical = "\n\n".join(s.explain(changelog_mode=changelog_mode) for s in sinks)
    execution = "\n\n".join(s.explain() for s in sinks)
    return (
        "== Optimized Physical Plan ==\n" + physical + "\n\n"
        "== Optimized Execution Plan ==\n" + execution + "\n"
    )
