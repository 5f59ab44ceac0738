"""PATTERN compiled to a backtracking program for the SQL standard's row-pattern semantics.

The program is a list of instructions in the style of a regex VM: SPLIT tries its first target
before its second, which encodes the standard's preferment order (greedy prefers more, reluctant
fewer, alternation the left branch, PERMUTE the lexicographic order of its variables)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import permutations

from flinklite.errors import ValidationError
from flinklite.sql import ast

# Instruction codes; an instruction is a tuple whose first item is one of these.
VAR = 0  # (VAR, var, excluded): map the next row to `var` if its DEFINE holds
SPLIT = 1  # (SPLIT, preferred, other)
JMP = 2  # (JMP, target)
START = 3  # (START,): the partition's first row is next (anchor ^)
END = 4  # (END,): the partition has no more rows (anchor $)
MARK = 5  # (MARK, slot): remember the row position where a loop iteration starts
PROGRESS = 6  # (PROGRESS, slot): an optional iteration must map at least one row
DONE = 7  # (DONE,): a match

NAMES = {
    VAR: "VAR",
    SPLIT: "SPLIT",
    JMP: "JMP",
    START: "START",
    END: "END",
    MARK: "MARK",
    PROGRESS: "PROGRESS",
    DONE: "DONE",
}


@dataclass(frozen=True, slots=True)
class Program:
    variables: tuple[str, ...]
    code: tuple[tuple, ...]
    slots: int  # how many MARK slots the program uses

    def describe(self) -> str:
        lines = []
        for pc, ins in enumerate(self.code):
            op = ins[0]
            if op == VAR:
                text = f"VAR {self.variables[ins[1]]}" + (" (excluded)" if ins[2] else "")
            elif op == SPLIT:
                text = f"SPLIT {ins[1]}, {ins[2]}"
            elif op in (JMP, MARK, PROGRESS):
                text = f"{NAMES[op]} {ins[1]}"
            else:
                text = NAMES[op]
            lines.append(f"{pc:>3}: {text}")
        return "\n".join(lines)


class _Emitter:
    def __init__(self, variables: list[str]) -> None:
        self.variables = variables
        self.code: list[list] = []
        self.slots = 0

    def here(self) -> int:
        return len(self.code)

    def add(self, *ins: object) -> int:
        self.code.append(list(ins))
        return len(self.code) - 1

    def var(self, name: str) -> int:
        if name not in self.variables:
            self.variables.append(name)
        return self.variables.index(name)

    def emit(self, term: ast.PatternTerm | None, excluded: bool) -> None:
        if term is None:
            return
        if isinstance(term, ast.PatternVar):
            self.add(VAR, self.var(term.name), excluded)
        elif isinstance(term, ast.PatternConcat):
            for item in term.items:
                self.emit(item, excluded)
        elif isinstance(term, ast.PatternGroup):
            self.emit(term.item, excluded)
        elif isinstance(term, ast.PatternAlternation):
            self.alternation([(lambda t=t: self.emit(t, excluded)) for t in term.items])
        elif isinstance(term, ast.PatternPermute):
            # The standard: PERMUTE is the alternation of every order, the lexicographic order
            # of the listed items first.
            branches = []
            for order in permutations(term.items):
                branches.append(lambda o=order: [self.emit(t, excluded) for t in o])
            self.alternation(branches)
        elif isinstance(term, ast.PatternExclusion):
            self.emit(term.item, True)
        elif isinstance(term, ast.PatternAnchor):
            self.add(START if term.kind == "^" else END)
        elif isinstance(term, ast.PatternQuantified):
            self.quantified(term, excluded)
        else:  # pragma: no cover - the parser builds no other terms
            raise ValidationError(f"Unknown pattern term {term!r}")

    def alternation(self, branches: list) -> None:
        jumps = []
        for i, branch in enumerate(branches):
            if i < len(branches) - 1:
                split = self.add(SPLIT, None, None)
                self.code[split][1] = self.here()
                branch()
                jumps.append(self.add(JMP, None))
                self.code[split][2] = self.here()
            else:
                branch()
        for j in jumps:
            self.code[j][1] = self.here()

    def quantified(self, term: ast.PatternQuantified, excluded: bool) -> None:
        lo, hi = term.min, term.max
        if hi is not None and hi < lo:
            raise ValidationError(
                f"The upper bound of quantifier {term.text} is less than its lower bound",
                pos=term.pos,
            )
        for _ in range(lo):
            self.emit(term.item, excluded)
        greedy = not term.reluctant
        if hi is None:
            loop = self.split()
            self.iteration(term.item, excluded)
            self.add(JMP, loop)
            self.resolve(loop, greedy)
            return
        splits = []
        for _ in range(hi - lo):
            splits.append(self.split())
            self.iteration(term.item, excluded)
        for s in splits:
            self.resolve(s, greedy)

    def split(self) -> int:
        return self.add(SPLIT, None, None)

    def resolve(self, split: int, greedy: bool) -> None:
        """The SPLIT before an optional iteration: into it (greedy) or past it (reluctant)."""
        body, past = split + 1, self.here()
        self.code[split][1:] = [body, past] if greedy else [past, body]

    def iteration(self, item: ast.PatternTerm, excluded: bool) -> None:
        # An optional iteration that maps no row is no iteration: without this check `(A?)*`
        # would loop forever, and the standard does not count empty optional iterations.
        slot = self.slots
        self.slots += 1
        self.add(MARK, slot)
        self.emit(item, excluded)
        self.add(PROGRESS, slot)


def compile_program(term: ast.PatternTerm | None, variables: list[str]) -> Program:
    """The program for `term`; `variables` (updated in place) fixes the variable numbering."""
    e = _Emitter(variables)
    e.emit(term, False)
    e.add(DONE)
    return Program(tuple(variables), tuple(tuple(i) for i in e.code), e.slots)


def can_be_empty(term: ast.PatternTerm | None) -> bool:
    """Whether the pattern matches the empty sequence."""
    if term is None or isinstance(term, ast.PatternAnchor):
        return True
    if isinstance(term, ast.PatternVar):
        return False
    if isinstance(term, (ast.PatternConcat, ast.PatternPermute)):
        return all(can_be_empty(t) for t in term.items)
    if isinstance(term, ast.PatternAlternation):
        return any(can_be_empty(t) for t in term.items)
    if isinstance(term, (ast.PatternGroup, ast.PatternExclusion)):
        return can_be_empty(term.item)
    if isinstance(term, ast.PatternQuantified):
        return term.min == 0 or can_be_empty(term.item)
    return False
