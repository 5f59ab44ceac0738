"""AFTER MATCH SKIP: where matching resumes after a match, parsed once for both matchers.

The SQL standard's `SKIP TO v` means `SKIP TO LAST v` (Calcite parses it so too); a SUBSET
name stands for its member variables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

PAST_LAST_ROW = "SKIP PAST LAST ROW"
TO_NEXT_ROW = "SKIP TO NEXT ROW"
TO_FIRST = "SKIP TO FIRST"
TO_LAST = "SKIP TO LAST"


@dataclass(frozen=True, slots=True)
class SkipStrategy:
    kind: str  # one of the four constants above
    variable: str | None = None  # the variable (or SUBSET) TO FIRST / TO LAST names

    @property
    def text(self) -> str:
        return self.kind if self.variable is None else f"{self.kind} {self.variable}"

    def targets(
        self, variables: Sequence[str], subsets: Sequence[tuple[str, tuple[str, ...]]] = ()
    ) -> frozenset[int]:
        """The indexes of the variables TO FIRST / TO LAST skips to."""
        for name, members in subsets:
            if name == self.variable:
                return frozenset(variables.index(m) for m in members if m in variables)
        if self.variable in variables:
            return frozenset([variables.index(self.variable)])
        return frozenset()


def parse_skip(after_match: str) -> SkipStrategy:
    for kind in (TO_FIRST, TO_LAST):
        if after_match.startswith(kind + " "):
            return SkipStrategy(kind, after_match[len(kind) + 1 :])
    if after_match.startswith("SKIP TO ") and after_match not in (TO_NEXT_ROW,):
        return SkipStrategy(TO_LAST, after_match.removeprefix("SKIP TO "))
    return SkipStrategy(after_match)
