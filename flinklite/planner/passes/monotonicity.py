"""How each column of an updating result moves when it is updated (Flink's modified
monotonicity): a COUNT from an insert-only aggregate only grows, a MIN only shrinks.

Flink uses it to skip retractions a MAX over an increasing column (or a MIN over a decreasing
one) does not need; flinklite follows, since the changelog differs."""

from __future__ import annotations

from flinklite.expr.rex import AggregateCall, InputRef
from flinklite.planner import physical as P

INCREASING, DECREASING, CONSTANT = "INCREASING", "DECREASING", "CONSTANT"

_AGGREGATE_MONOTONICITY = {"COUNT": INCREASING, "MAX": INCREASING, "MIN": DECREASING}


def monotonicity(node: P.PhysNode) -> tuple[str | None, ...]:
    """Per output field: INCREASING, DECREASING, CONSTANT or None (not monotonic / unknown)."""
    if isinstance(node, P.Exchange):
        return monotonicity(node.input)
    if isinstance(node, P.Calc):
        inner = monotonicity(node.input)
        if node.projection is None:
            return inner
        return tuple(inner[e.index] if isinstance(e, InputRef) else None for e in node.projection)
    if isinstance(node, P.GroupAggregate) and node.input.insert_only and not node.batch:
        keys = (CONSTANT,) * len(node.keys)
        return keys + tuple(_AGGREGATE_MONOTONICITY.get(a.name) for a in node.aggregates)
    return (None,) * len(node.fields)


def retract_not_needed(call: AggregateCall, input_monotonicity: tuple[str | None, ...]) -> bool:
    """A MAX over an increasing or a MIN over a decreasing column ignores retractions."""
    if len(call.args) != 1 or not isinstance(call.args[0], InputRef) or call.distinct:
        return False
    direction = input_monotonicity[call.args[0].index]
    return (call.name, direction) in (("MAX", INCREASING), ("MIN", DECREASING))
