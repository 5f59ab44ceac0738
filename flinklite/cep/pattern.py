"""PATTERN compiled to the state graph Flink's NFACompiler builds for SQL row patterns.

Each variable becomes Flink's states (singleton, times chain, looping) joined with strict
contiguity; greedy quantifiers guard the following state's transitions with NOT(loop condition).

The graph is built backwards from the final state exactly as Flink builds it, because the order
of transitions and the greedy guards decide which of several overlapping runs completes first.
Patterns Flink rejects are rejected here with Flink's messages; flinklite runs the standard's
richer forms on its standard-semantics matcher (`standard`) unless asked to be Flink-compatible."""

from __future__ import annotations

from dataclasses import dataclass, field

from flinklite.errors import UnsupportedError, ValidationError
from flinklite.sql import ast

TAKE = "TAKE"

# Appended to Flink's message when flinklite runs the construct as an extension by default.
EXTENSION_HINT = (
    " (flinklite runs this as an extension of Flink's MATCH_RECOGNIZE unless "
    "'flinklite.flink-compatible' is 'true')"
)
PROCEED = "PROCEED"


@dataclass(slots=True, eq=False)
class Transition:
    """An edge: TAKE consumes the row into `source`'s variable, PROCEED is an epsilon move that
    still tests the row. It fires when variable `pos`'s DEFINE holds (None: always) and none of
    the `neg` variables' DEFINEs hold (the greedy guards)."""

    action: str
    source: State
    target: State
    pos: int | None
    neg: tuple[int, ...] = ()


@dataclass(slots=True, eq=False)
class State:
    id: int
    var: int  # the pattern variable whose rows this state takes; -1 for the final state
    final: bool = False
    start: bool = False
    transitions: list[Transition] = field(default_factory=list)
    # (is_take, target, pos, neg) tuples of `transitions`, for the matcher's inner loop.
    edges: list[tuple] = field(default_factory=list)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"State({self.id}, var={self.var}{', final' if self.final else ''})"


@dataclass(frozen=True, slots=True)
class Element:
    """One variable of the pattern with Flink's quantifier properties."""

    var: int
    looping: bool
    times: tuple[int, int]  # Flink's Times(from, to); (1, 1) for a singleton
    optional: bool
    greedy: bool
    single: bool


@dataclass(slots=True)
class CompiledPattern:
    variables: tuple[str, ...]
    states: list[State]
    start: State
    final: State


def pattern_elements(term: ast.PatternTerm | None) -> list[tuple[str, ast.PatternTerm]]:
    """The pattern as a flat list of (variable, term); anything but a concatenation of
    (quantified) variables is rejected the way Flink rejects it."""
    if term is None or (isinstance(term, ast.PatternGroup) and term.item is None):
        raise ValidationError(
            "Patterns that can produce empty matches are not supported. There must be at "
            "least one non-optional state."
        )
    while isinstance(term, ast.PatternGroup) and term.item is not None:
        term = term.item
    items = term.items if isinstance(term, ast.PatternConcat) else (term,)
    # Flink accepts the anchors ^ and $ and ignores them.
    items = tuple(i for i in items if not isinstance(i, ast.PatternAnchor))
    out: list[tuple[str, ast.PatternTerm]] = []
    for item in items:
        inner = item.item if isinstance(item, ast.PatternQuantified) else item
        while isinstance(inner, ast.PatternGroup) and inner.item is not None:
            if not isinstance(inner.item, ast.PatternVar):
                break
            inner = inner.item
        if not isinstance(inner, ast.PatternVar):
            raise _unsupported(inner)
        if any(name == inner.name for name, _ in out):
            raise UnsupportedError(
                "Pattern variables must be unique. That might change in the future. "
                f"(variable {inner.name} is repeated){EXTENSION_HINT}",
                pos=inner.pos,
            )
        out.append((inner.name, item))
    return out


def _unsupported(term: object) -> UnsupportedError:
    # Look through parentheses: `(B | C)` is an alternation, not a group.
    while isinstance(term, ast.PatternGroup) and isinstance(
        term.item, (ast.PatternAlternation, ast.PatternPermute, ast.PatternExclusion)
    ):
        term = term.item
    feature, flink = {
        ast.PatternAlternation: (
            "Alternation (|) in PATTERN",
            "Currently, CEP doesn't support branching patterns.",
        ),
        ast.PatternPermute: (
            "PERMUTE in PATTERN",
            "Currently, CEP doesn't support PERMUTE patterns.",
        ),
        ast.PatternExclusion: (
            "Exclusion {- -} in PATTERN",
            "Currently, CEP doesn't support '{-' '-}' patterns.",
        ),
        ast.PatternAnchor: ("Anchors (^, $) in PATTERN", "Anchors are not supported."),
    }.get(type(term), ("Group patterns", "Group patterns are not supported yet."))
    return UnsupportedError(
        f"Expression not supported: {flink} ({feature} runs in flinklite as an extension "
        "unless 'flinklite.flink-compatible' is 'true'.)",
        pos=getattr(term, "pos", None),
    )


def _element(index: int, name: str, term: ast.PatternTerm, previous: Element | None) -> Element:
    """Flink's CommonExecMatch.applyQuantifier and the checks of Pattern / Quantifier."""
    if not isinstance(term, ast.PatternQuantified):
        return Element(index, False, (1, 1), False, False, True)
    lo, hi, reluctant = term.min, term.max, term.reluctant
    if term.text.replace(" ", "").startswith("{,"):
        raise ValidationError("The from should be a positive number greater than 0", pos=term.pos)
    greedy = not reluctant
    is_optional = lo == 0 and hi == 1
    if lo == 0 and hi is None:  # zero or more: oneOrMore().optional()
        element = Element(index, True, (1, 1), True, greedy, False)
        pattern_optional = True
    elif lo == 1 and hi is None:
        element = Element(index, True, (1, 1), False, greedy, False)
        pattern_optional = False
    elif is_optional:
        element = Element(index, False, (1, 1), True, False, True)
        pattern_optional = True
    elif hi is not None:
        if hi == 0:
            raise ValidationError("The from and to should not be both equal to 0.", pos=term.pos)
        element = Element(index, False, (max(lo, 1), hi), lo == 0, greedy and lo != hi, False)
        pattern_optional = False  # times(0, m) marks the quantifier optional directly
    else:
        element = Element(index, True, (lo, lo), False, greedy, False)
        pattern_optional = False
    if pattern_optional and previous is not None and previous.greedy:
        raise ValidationError("Optional pattern cannot be preceded by greedy pattern", pos=term.pos)
    if is_optional and not greedy:
        raise ValidationError("Reluctant optional variables are not supported yet.", pos=term.pos)
    return element


class _Builder:
    """NFACompiler.NFAFactoryCompiler for patterns of variables joined with next()."""

    def __init__(self) -> None:
        self.states: list[State] = []

    def state(self, var: int, final: bool = False) -> State:
        s = State(len(self.states), var, final)
        self.states.append(s)
        return s

    @staticmethod
    def take(source: State, target: State, var: int | None) -> None:
        source.transitions.append(Transition(TAKE, source, target, var))

    @staticmethod
    def proceed(source: State, target: State) -> None:
        source.transitions.append(Transition(PROCEED, source, target, None))

    @staticmethod
    def greedy_guard(state: State, var: int) -> None:
        # updateWithGreedyCondition: every transition of the state after a greedy loop also
        # requires that the loop's own condition rejects the row.
        for t in state.transitions:
            t.neg = (*t.neg, var)

    def convert(self, e: Element, sink: State) -> State:
        if e.looping:
            loop = self.state(e.var)
            self.proceed(loop, sink)
            if e.greedy:
                self.greedy_guard(sink, e.var)
            self.take(loop, loop, e.var)
            return self.times(e, loop, sink)
        if not e.single:
            return self.times(e, sink, sink)
        return self.singleton(e.var, sink, sink, e.optional)

    def times(self, e: Element, sink: State, proceed_to: State) -> State:
        lo, hi = e.times
        last = sink
        if e.greedy and lo != hi:
            self.greedy_guard(sink, e.var)
        for _ in range(lo, hi):
            last = self.singleton(e.var, last, proceed_to, True)
        for _ in range(lo - 1):
            last = self.singleton(e.var, last, None, False)
        return self.singleton(e.var, last, proceed_to, e.optional)

    def singleton(self, var: int, sink: State, proceed_to: State | None, optional: bool) -> State:
        s = self.state(var)
        self.take(s, sink, var)
        if optional and proceed_to is not None:
            self.proceed(s, proceed_to)
        return s


def compile_pattern(term: ast.PatternTerm | None, defined: set[str]) -> CompiledPattern:
    """The state graph for `term`; `defined` names the variables that have a DEFINE (the others
    accept every row). Raises Flink's errors for the patterns Flink rejects."""
    items = pattern_elements(term)
    names = tuple(name for name, _ in items)
    elements: list[Element] = []
    for i, (name, t) in enumerate(items):
        elements.append(_element(i, name, t, elements[-1] if elements else None))
    b = _Builder()
    final = b.state(-1, final=True)
    sink = final
    for e in reversed(elements):
        sink = b.convert(e, sink)
    start = sink
    start.start = True
    if proceeds_to_final(start):
        raise ValidationError(
            "Patterns that can produce empty matches are not supported. There must be at "
            "least one non-optional state."
        )
    if elements[-1].greedy:
        raise ValidationError(
            "Greedy quantifiers are not allowed as the last element of a Pattern yet. Finish "
            "your pattern with either a simple variable or reluctant quantifier."
        )
    _resolve_conditions(b.states, {i for i, n in enumerate(names) if n in defined})
    return CompiledPattern(names, b.states, start, final)


def proceeds_to_final(start: State) -> bool:
    """Whether the final state is reachable from `start` by PROCEED edges only (Flink's
    NFACompiler.canProduceEmptyMatches, asked of the start state)."""
    todo, seen = [start], {start.id}
    while todo:
        s = todo.pop()
        for t in s.transitions:
            if t.action == PROCEED:
                if t.target.final:
                    return True
                if t.target.id not in seen:
                    seen.add(t.target.id)
                    todo.append(t.target)
    return False


def _resolve_conditions(states: list[State], defined: set[int]) -> None:
    """Variables without DEFINE accept every row: their take conditions become TRUE and a
    guard NOT(TRUE) makes its transition impossible, so it is dropped."""
    for s in states:
        kept = []
        for t in s.transitions:
            if any(v not in defined for v in t.neg):
                continue
            if t.pos is not None and t.pos not in defined:
                t.pos = None
            kept.append(t)
        s.transitions = kept


def pattern_variables(term: ast.PatternTerm | None) -> list[str]:
    """Variables in order of first appearance."""
    out: list[str] = []

    def walk(t: object) -> None:
        if isinstance(t, ast.PatternVar):
            if t.name not in out:
                out.append(t.name)
        elif isinstance(t, ast.PatternTerm):
            for s in t.__slots__:
                if s != "pos":
                    walk(getattr(t, s))
        elif isinstance(t, tuple):
            for x in t:
                walk(x)

    walk(term)
    return out
