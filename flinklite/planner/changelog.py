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
