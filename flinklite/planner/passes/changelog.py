"""Changelog-mode inference, a pass of its own as in Flink's optimizer: bottom-up, the row kinds
each operator emits given its inputs', operators that cannot consume updates rejected with
Flink's message ("... produced by node GroupAggregate(..)"), and retractions an aggregate can
ignore found from the input's monotonicity.

The converter builds nodes without modes (only a source declares its own, from its connector);
everything after this pass (sinks, translation, EXPLAIN CHANGELOG_MODE) reads `node.changelog`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from flinklite.dispatch import TypeDispatch
from flinklite.errors import ValidationError
from flinklite.planner import physical as P
from flinklite.planner.passes.monotonicity import monotonicity, retract_not_needed

KIND_SHORT = {"INSERT": "+I", "UPDATE_BEFORE": "-U", "UPDATE_AFTER": "+U", "DELETE": "-D"}


def merge_changelogs(*modes: tuple[str, ...]) -> tuple[str, ...]:
    kinds = {k for m in modes for k in m}
    return tuple(k for k in P.RETRACT if k in kinds)


def updating(mode: tuple[str, ...]) -> tuple[str, ...]:
    """What a stateful operator emits for a given input: updates, and deletes if the input
    can retract."""
    if mode == P.INSERT_ONLY:
        return ("+I", "-U", "+U")
    return P.RETRACT


def describe(node: P.PhysNode) -> str:
    """An operator as Flink prints it in messages: Name(attr=[..], ..)."""
    attrs = ", ".join(f"{k}=[{v}]" for k, v in node.attributes())
    return f"{node.name}({attrs})"


def changes_text(kinds: tuple[str, ...] | set[str]) -> str:
    """Flink's words for the non-insert changes in a changelog: 'update', 'delete' or both."""
    updates = bool(set(kinds) & {"-U", "+U"})
    deletes = "-D" in kinds
    return "update and delete" if updates and deletes else "update" if updates else "delete"


def describe_producer(node: P.PhysNode) -> str:
    """The operator where updates first appear below `node` (through Calcs and Exchanges), as
    Flink names it in "... which is produced by node X"."""
    while isinstance(node, (P.Calc, P.Exchange, P.Sink, P.WatermarkAssigner)):
        updating_inputs = [c for c in node.inputs if not c.insert_only]
        if not updating_inputs:
            break
        node = updating_inputs[0]
    return describe(node)


def not_consumable(operator: str, node: P.PhysNode) -> str:
    """Flink's message for an operator that takes insert-only input only."""
    return (
        f"{operator} doesn't support consuming {changes_text(node.changelog)} changes which is "
        f"produced by node {describe_producer(node)}"
    )


# --- the pass -------------------------------------------------------------------------------

Rule = Callable[[P.PhysNode, bool], P.PhysNode]
_RULES = TypeDispatch()


def infer_changelog(node: P.PhysNode, batch: bool) -> P.PhysNode:
    """`node` and everything below it with their changelog modes."""
    node = node.with_inputs([infer_changelog(c, batch) for c in node.inputs])
    rule = _RULES.find(type(node))
    assert rule is not None, f"no changelog rule for {type(node).__name__}"
    return rule(node, batch)


def _mode(node: P.PhysNode, kinds: tuple[str, ...]) -> P.PhysNode:
    return node if node.changelog == kinds else dataclasses.replace(node, changelog=kinds)


def _insert_only_input(operator: str) -> Rule:
    """Operators that consume insert-only input and produce it (Match, OVER, window TVF)."""

    def rule(node: P.PhysNode, batch: bool) -> P.PhysNode:
        (child,) = node.inputs
        if not child.insert_only:
            raise ValidationError(not_consumable(operator, child))
        return _mode(node, P.INSERT_ONLY)

    return rule


@_RULES.register(P.TableSourceScan, P.Values)
def _source(node: P.PhysNode, batch: bool) -> P.PhysNode:
    return node  # a source declares its own mode (its connector's)


@_RULES.register(P.WatermarkAssigner, P.Calc, P.Exchange, P.Sort, P.Sink)
def _same_as_input(node: P.PhysNode, batch: bool) -> P.PhysNode:
    return _mode(node, node.inputs[0].changelog)


@_RULES.register(P.ChangelogNormalize)
def _normalize(node: P.PhysNode, batch: bool) -> P.PhysNode:
    return _mode(node, P.RETRACT)


@_RULES.register(P.SinkUpsertMaterializer)
def _upsert_materializer(node: P.PhysNode, batch: bool) -> P.PhysNode:
    return _mode(node, P.UPSERT)


@_RULES.register(P.GroupAggregate)
def _group_aggregate(node: P.GroupAggregate, batch: bool) -> P.PhysNode:
    if batch:
        return _mode(node, P.INSERT_ONLY)
    child = node.input
    ignore: tuple[bool, ...] = ()
    if not child.insert_only:
        moves = monotonicity(child)
        ignore = tuple(retract_not_needed(a, moves) for a in node.aggregates)
    return dataclasses.replace(node, changelog=updating(child.changelog), ignore_retract=ignore)


@_RULES.register(P.WindowAggregate)
def _window_aggregate(node: P.PhysNode, batch: bool) -> P.PhysNode:
    return _mode(node, P.INSERT_ONLY)  # final once per window


_RULES.register(P.WindowTableFunction)(_insert_only_input("StreamPhysicalWindowTableFunction"))
_RULES.register(P.OverAggregate)(_insert_only_input("OverAggregate"))
_RULES.register(P.Match)(_insert_only_input("Match Recognize"))


@_RULES.register(P.Rank)
def _rank(node: P.Rank, batch: bool) -> P.PhysNode:
    # After a window aggregate partitioned by window end: a Window Top-N, final once per
    # window; otherwise updates as rows enter and leave the top.
    if batch or node.window_end_index is not None:
        return _mode(node, P.INSERT_ONLY)
    return _mode(node, updating(node.input.changelog))


@_RULES.register(P.Deduplicate)
def _deduplicate(node: P.Deduplicate, batch: bool) -> P.PhysNode:
    # Keeping the last row retracts the previous one; Flink plans it with deletes too.
    return _mode(node, P.RETRACT if node.keep_last and not batch else P.INSERT_ONLY)


@_RULES.register(P.Limit)
def _limit(node: P.Limit, batch: bool) -> P.PhysNode:
    child = node.input
    return _mode(node, child.changelog if child.insert_only else P.RETRACT)


@_RULES.register(P.Correlate)
def _correlate(node: P.Correlate, batch: bool) -> P.PhysNode:
    # Each produced row carries its input row's kind.
    return _mode(node, node.input.changelog)


@_RULES.register(P.Expand)
def _expand(node: P.Expand, batch: bool) -> P.PhysNode:
    return _mode(node, node.input.changelog)


@_RULES.register(P.TemporalJoin)
def _temporal_join(node: P.TemporalJoin, batch: bool) -> P.PhysNode:
    # Each left row is joined once, when the watermark passes it, with its own kind.
    return _mode(node, node.left.changelog)


@_RULES.register(P.Join)
def _join(node: P.Join, batch: bool) -> P.PhysNode:
    if batch:
        return _mode(node, P.INSERT_ONLY)
    if node.kind == "inner" or node.kind == "semi":
        # A semi join emits a left row when its first partner comes: no retraction unless a
        # side retracts.
        merged = merge_changelogs(node.left.changelog, node.right.changelog)
        return _mode(node, P.INSERT_ONLY if merged == P.INSERT_ONLY else P.RETRACT)
    # Outer joins retract their NULL-padded rows; an anti join retracts a row when its first
    # partner comes.
    return _mode(node, P.RETRACT)


@_RULES.register(P.SetOp)
def _set_op(node: P.PhysNode, batch: bool) -> P.PhysNode:
    return _mode(node, P.INSERT_ONLY if batch else ("+I", "-D"))


@_RULES.register(P.Union)
def _union(node: P.PhysNode, batch: bool) -> P.PhysNode:
    return _mode(node, merge_changelogs(*(c.changelog for c in node.inputs)))
