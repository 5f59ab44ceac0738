"""Changelog modes in the physical plan: which row kinds an operator emits for its input's, and
how an operator is named in Flink's planning errors ("... produced by node GroupAggregate(..)")."""

from __future__ import annotations

from flinklite.planner import physical as P

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
