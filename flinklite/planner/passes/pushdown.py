"""Push-downs into sources: the fields a query reads (projection push-down, so a source decodes
only those) and the watermark (for sources that generate it per split, as Flink's
SupportsWatermarkPushDown sources do)."""

from __future__ import annotations

import dataclasses

from flinklite.expr.rex import (
    Call,
    InputRef,
    Rex,
    input_indices,
    substitute,
)
from flinklite.planner import physical as P

# Sources that generate watermarks per split themselves (Flink's SupportsWatermarkPushDown).
WATERMARK_PUSH_DOWN = ("kafka", "upsert-kafka", "flinklite-generator")


def push_watermark(child: P.PhysNode, rowtime: int, watermark: Rex) -> P.PhysNode | None:
    """The scan under `child` (directly or below the Calc of computed columns) taking over the
    watermark, rewritten over the scan's own fields; None when the source cannot."""
    calc = child if isinstance(child, P.Calc) and child.condition is None else None
    scan = calc.input if calc is not None else child
    if not isinstance(scan, P.TableSourceScan) or scan.spec.connector not in WATERMARK_PUSH_DOWN:
        return None
    if calc is not None:
        exprs = calc.projection or ()
        watermark = substitute(watermark, exprs)
        time_expr = exprs[rowtime]
        if not isinstance(time_expr, InputRef):
            if not (isinstance(time_expr, Call) and time_expr.op == "CAST"):
                return None
            time_expr = time_expr.operands[0]
            if not isinstance(time_expr, InputRef):
                return None
        rowtime = time_expr.index
    pushed = dataclasses.replace(scan, watermark=watermark, rowtime_index=rowtime)
    return pushed if calc is None else dataclasses.replace(calc, input=pushed)


def push_projections(node: P.PhysNode) -> P.PhysNode:
    """Rewrites every Calc-topped chain over a TableSourceScan so that the scan produces only
    the physical fields used above it, as Flink's ProjectPushDown does."""
    if isinstance(node, P.Calc):
        used = set()
        for e in node.projection or ():
            used |= input_indices(e)
        if node.projection is None:
            used = set(range(len(node.input.fields)))
        if node.condition is not None:
            used |= input_indices(node.condition)
        pruned = _prune(node.input, used)
        if pruned is not None:
            child, mapping = pruned
            remap = [
                InputRef(f.type, mapping[i]) if i in mapping else None
                for i, f in enumerate(node.input.fields)
            ]
            proj = (
                None
                if node.projection is None
                else tuple(substitute(e, remap) for e in node.projection)
            )
            cond = None if node.condition is None else substitute(node.condition, remap)
            if proj is None and len(child.fields) != len(node.input.fields):
                proj = tuple(remap[i] for i in range(len(node.input.fields)))
            return dataclasses.replace(node, input=child, projection=proj, condition=cond)
    children = node.inputs
    if not children:
        return node
    return node.with_inputs([push_projections(c) for c in children])


def _prune(node: P.PhysNode, used: set[int]) -> tuple[P.PhysNode, dict[int, int]] | None:
    """`node` producing only the `used` fields (plus what it needs itself), with the map from
    old to new field positions; None when nothing can be dropped."""
    if isinstance(node, P.TableSourceScan):
        spec = node.spec
        n_phys = len(spec.physical)
        if node.watermark is not None:
            used = used | input_indices(node.watermark) | {node.rowtime_index}
        keep_phys = sorted(i for i in used if i < n_phys)
        if len(keep_phys) == n_phys or node.upsert_key:
            return None
        keep = keep_phys + list(range(n_phys, len(node.fields)))
        mapping = {old: new for new, old in enumerate(keep)}
        new_spec = dataclasses.replace(spec, physical=tuple(spec.physical[i] for i in keep_phys))
        fields = tuple(node.fields[i] for i in keep)
        scan = dataclasses.replace(node, fields=fields, spec=new_spec, projected=True)
        if node.watermark is not None:
            remap = [
                InputRef(f.type, mapping[i]) if i in mapping else None
                for i, f in enumerate(node.fields)
            ]
            scan = dataclasses.replace(
                scan,
                watermark=substitute(node.watermark, remap),
                rowtime_index=mapping[node.rowtime_index],
            )
        return scan, mapping
    if isinstance(node, P.WatermarkAssigner):
        need = used | {node.rowtime_index} | input_indices(node.watermark)
        pruned = _prune(node.input, need)
        if pruned is None:
            return None
        child, mapping = pruned
        remap = [
            InputRef(f.type, mapping[i]) if i in mapping else None
            for i, f in enumerate(node.input.fields)
        ]
        return (
            dataclasses.replace(
                node,
                input=child,
                fields=child.fields,
                rowtime_index=mapping[node.rowtime_index],
                watermark=substitute(node.watermark, remap),
            ),
            mapping,
        )
    if isinstance(node, P.Calc) and node.projection is not None:
        keep = sorted(used)
        if len(keep) == len(node.fields):
            return None
        mapping = {old: new for new, old in enumerate(keep)}
        proj = tuple(node.projection[i] for i in keep)
        fields = tuple(node.fields[i] for i in keep)
        inner_used = set()
        for e in proj:
            inner_used |= input_indices(e)
        if node.condition is not None:
            inner_used |= input_indices(node.condition)
        calc = dataclasses.replace(node, fields=fields, projection=proj)
        pruned = _prune(node.input, inner_used)
        if pruned is not None:
            child, inner_map = pruned
            remap = [
                InputRef(f.type, inner_map[i]) if i in inner_map else None
                for i, f in enumerate(node.input.fields)
            ]
            calc = dataclasses.replace(
                calc,
                input=child,
                projection=tuple(substitute(e, remap) for e in proj),
                condition=None if node.condition is None else substitute(node.condition, remap),
            )
        return calc, mapping
    return None
