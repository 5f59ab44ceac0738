"""What a MATCH_RECOGNIZE uses beyond Flink, and the compiled pattern as EXPLAIN shows it.

`portability(match)` lists the reasons a statement would not run on Flink; a non-empty list
routes the query to the standard-semantics matcher. `describe_pattern(match)` renders either
Flink's state graph or the standard matcher's program."""

from __future__ import annotations

from flinklite.cep.pattern import TAKE, compile_pattern, pattern_variables
from flinklite.cep.program import compile_program
from flinklite.cep.rewrite import navigation
from flinklite.cep.spec import MatchSpec
from flinklite.errors import FlinkliteError
from flinklite.expr.rex import Call, Rex
from flinklite.sql import ast

FLINK_COMPATIBLE = "flinklite.flink-compatible"


def _pattern_reasons(term: object, out: list[str], quantified: bool = False) -> None:
    def add(reason: str) -> None:
        if reason not in out:
            out.append(reason)

    if isinstance(term, ast.PatternAlternation):
        add("alternation (|) in PATTERN")
    elif isinstance(term, ast.PatternPermute):
        add("PERMUTE in PATTERN")
    elif isinstance(term, ast.PatternExclusion):
        add("exclusion {- -} in PATTERN")
    elif isinstance(term, ast.PatternGroup) and term.item is not None:
        inner = term.item
        while isinstance(inner, ast.PatternGroup) and inner.item is not None:
            inner = inner.item
        if isinstance(inner, ast.PatternConcat) or (
            isinstance(inner, ast.PatternQuantified) and quantified
        ):
            add("grouped sub-pattern in PATTERN")
    if isinstance(term, ast.PatternQuantified):
        _pattern_reasons(term.item, out, True)
        return
    if isinstance(term, ast.PatternConcat) and quantified:
        add("grouped sub-pattern in PATTERN")
    for name in getattr(term, "__slots__", ()):
        if name == "pos":
            continue
        value = getattr(term, name)
        children = value if isinstance(value, tuple) else (value,)
        for child in children:
            if isinstance(child, ast.PatternTerm):
                _pattern_reasons(child, out)


def _expression_reasons(rex: Rex, out: list[str], inside_physical: bool = False) -> None:
    if not isinstance(rex, Call):
        return
    reason = None
    op = rex.op
    if op == "CLASSIFIER":
        reason = "CLASSIFIER()"
    elif op == "MATCH_NUMBER":
        reason = "MATCH_NUMBER()"
    elif op == "RUNNING":
        reason = "RUNNING semantics in MEASURES"
    elif (nav := navigation(rex)) is not None and nav.physical:
        if nav.offset != 0:
            reason = f"physical navigation {op}(..., {nav.offset})"
        inner = navigation(nav.operand)
        if inner is not None and not inner.physical:
            reason = reason or f"nested navigation {op}({inner.op}(...))"
    if reason is not None and reason not in out:
        out.append(reason)
    for o in rex.operands:
        _expression_reasons(o, out)


def portability(match: MatchSpec) -> list[str]:
    """Why `match` (a logical Match) would not run on Flink 2.3: each extension it uses."""
    reasons: list[str] = []
    if match.all_rows:
        reasons.append(match.rows_per_match)
    _pattern_reasons(match.pattern, reasons)
    for _, rex in (*match.definitions, *match.measures):
        _expression_reasons(rex, reasons)
    if not any("PATTERN" in r for r in reasons):
        try:
            compile_pattern(match.pattern, {name for name, _ in match.definitions})
        except FlinkliteError as e:
            message = str(e).split("\n")[0]
            reasons.append(f"PATTERN ({match.pattern_text}): {message}")
    return reasons


def describe_pattern(match: MatchSpec, *, flink_compatible: bool = False) -> str:
    """A short rendering of the compiled pattern: Flink's state graph when the query runs with
    Flink's semantics, otherwise the standard matcher's backtracking program."""
    if flink_compatible or not portability(match):
        try:
            compiled = compile_pattern(match.pattern, {name for name, _ in match.definitions})
        except FlinkliteError as e:
            return f"(not compiled: {e})"
        names = compiled.variables
        lines = [f"NFA (Flink semantics), start state {compiled.start.id}:"]
        for s in reversed(compiled.states):
            label = "final" if s.final else names[s.var]
            edges = []
            for t in s.transitions:
                cond = "" if t.pos is None else names[t.pos]
                guard = " AND ".join(([cond] if cond else []) + [f"NOT {names[v]}" for v in t.neg])
                kind = "take" if t.action == TAKE else "proceed"
                edges.append(f"{kind} -> {t.target.id}" + (f" [{guard}]" if guard else ""))
            lines.append(f"  {s.id} {label}: " + ("; ".join(edges) if edges else "match"))
        return "\n".join(lines)
    program = compile_program(match.pattern, pattern_variables(match.pattern))
    return "backtracking program (SQL standard semantics):\n" + program.describe()
