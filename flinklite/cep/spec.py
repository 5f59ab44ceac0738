"""What the matchers need of a MATCH_RECOGNIZE: the bound clauses, as the planner's Match holds
them (a Protocol, so cep depends on no planner type)."""

from __future__ import annotations

from typing import Protocol

from flinklite.expr.rex import Rex
from flinklite.sql import ast


class MatchSpec(Protocol):
    @property
    def partition_keys(self) -> tuple[int, ...]: ...

    @property
    def order_keys(self) -> tuple[tuple[int, bool, bool], ...]:
        """(column, descending, nulls first); the first is the time attribute."""
        ...

    @property
    def measures(self) -> tuple[tuple[str, Rex], ...]: ...

    @property
    def pattern(self) -> ast.PatternTerm: ...

    @property
    def pattern_text(self) -> str: ...

    @property
    def definitions(self) -> tuple[tuple[str, Rex], ...]: ...

    @property
    def after_match(self) -> str: ...

    @property
    def all_rows(self) -> bool: ...

    @property
    def rows_per_match(self) -> str: ...

    @property
    def within_ms(self) -> int | None: ...

    @property
    def subsets(self) -> tuple[tuple[str, tuple[str, ...]], ...]: ...
