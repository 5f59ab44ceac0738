"""What the conversion pass's rule sets (the converter and its window and OVER mixins) share:
the planning mode, the recursive conversion, and building a Calc."""

from __future__ import annotations

from flinklite.catalog.types import RowField
from flinklite.expr.rex import InputRef, Rex
from flinklite.planner import logical as L
from flinklite.planner import physical as P


class ConverterBase:
    __slots__ = ()

    batch: bool
    rank_unused: set[int]  # ids of the Top-N filters whose rank number is not selected

    def visit(self, rel: L.RelNode) -> P.PhysNode:
        """The physical plan of `rel` (the converter dispatches on its class)."""
        raise NotImplementedError

    def _calc(
        self,
        fields: tuple[RowField, ...],
        input_rel: L.RelNode,
        exprs: tuple[Rex, ...] | None,
        condition: Rex | None,
    ) -> P.PhysNode:
        """A Calc over the conversion of `input_rel`, merged into a Calc below it."""
        raise NotImplementedError

    def _make_calc(
        self,
        fields: tuple[RowField, ...],
        child: P.PhysNode,
        exprs: tuple[Rex, ...] | None,
        condition: Rex | None,
    ) -> P.PhysNode:
        """A Calc over `child`; none when it would neither project nor filter."""
        if exprs is not None and len(exprs) == len(child.fields):
            if all(isinstance(e, InputRef) and e.index == i for i, e in enumerate(exprs)):
                exprs = None
        if exprs is None and condition is None:
            return child
        out_fields = fields if exprs is not None else child.fields
        return P.Calc(out_fields, child, exprs, condition)
