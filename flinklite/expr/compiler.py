"""Compilation of typed expressions (Rex trees) into Python functions over row tuples, the way
Flink generates Java: source text built once per query, `exec`-ed, then called per row.

Operators (arithmetic, comparisons, three-valued logic, CASE, IN, LIKE, CAST) are inlined with
their NULL checks; real functions are calls into the runtime modules (see runtime_functions)."""

from __future__ import annotations

import ast as pyast
import re
import warnings
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType, RowField
from flinklite.errors import ExecutionError, FlinkliteError, UnsupportedError
from flinklite.expr import runtime_cast as RC
from flinklite.expr import runtime_math as M
from flinklite.expr import runtime_string as RS
from flinklite.expr import runtime_time as RT
from flinklite.expr.context import CompileContext
from flinklite.expr.literals import FrozenMap
from flinklite.expr.rex import (
    Call,
    CorrelRef,
    FieldAccessRex,
    InputRef,
    Literal,
    OverCall,
    PatternRef,
    Rex,
    SubqueryRex,
    SymbolRex,
)
from flinklite.expr.runtime_functions import implementation

__all__ = [
    "CompileContext",
    "compile_calc",
    "compile_expression",
    "compile_predicate",
    "compile_projection",
]


# --- public entry points ---------------------------------------------------------------------------


def compile_expression(
    rex: Rex, input_fields: Sequence[RowField], ctx: CompileContext | None = None
) -> Callable[[tuple], Any]:
    """A function from an input row to the expression's value."""
    gen = _Gen(input_fields, ctx or CompileContext())
    code = gen.code(rex)
    return gen.build("def _expr(r):\n    return " + code, "_expr")


def compile_projection(
    exprs: Sequence[Rex], input_fields: Sequence[RowField], ctx: CompileContext | None = None
) -> Callable[[tuple], tuple]:
    """A function from an input row to the tuple of the expressions' values."""
    gen = _Gen(input_fields, ctx or CompileContext())
    body = _tuple([gen.code(e) for e in exprs])
    return gen.build("def _project(r):\n    return " + body, "_project")


def compile_predicate(
    rex: Rex, input_fields: Sequence[RowField], ctx: CompileContext | None = None
) -> Callable[[tuple], bool]:
    """A function telling whether a row satisfies a condition; NULL counts as false."""
    gen = _Gen(input_fields, ctx or CompileContext())
    code = gen.code(rex)
    return gen.build(f"def _filter(r):\n    return {code} is True", "_filter")


def compile_calc(
    exprs: Sequence[Rex] | None,
    condition: Rex | None,
    input_fields: Sequence[RowField],
    ctx: CompileContext | None = None,
) -> Callable[[list[tuple]], list[tuple]]:
    """Flink's Calc for a batch of rows: keep the rows meeting `condition` (None: all) and
    project them through `exprs` (None: the row unchanged), as one generated comprehension."""
    gen = _Gen(input_fields, ctx or CompileContext())
    cond = f" if {gen.code(condition)}" if condition is not None else ""
    out = "r" if exprs is None else _tuple([gen.code(e) for e in exprs])
    if exprs is None and condition is None:
        return list
    return gen.build(f"def _calc(rows):\n    return [{out} for r in rows{cond}]", "_calc")


# Python's tokenizer refuses more than 200 nested brackets in one expression, so generated code
# never writes that many: an expression opening more than this many brackets is parsed on its
# own and grafted into the function's syntax tree, which has no such limit (its depth is bound
# by the recursion limit, which statements run under with room to spare: see flinklite.deep).
GRAFT_BRACKETS = 50


def _grafted(source: str, grafts: dict[str, str]) -> pyast.Module:
    """The syntax tree of `source` with every graft placeholder replaced by its expression (as
    if written in brackets there, which the generated code does anyway). Each piece is parsed
    and walked once, without recursion."""
    trees = {name: pyast.parse(text, mode="eval").body for name, text in grafts.items()}
    module = pyast.parse(source)
    for piece in (module, *trees.values()):
        for node in pyast.walk(piece):
            for field, value in pyast.iter_fields(node):
                if isinstance(value, pyast.Name) and value.id in trees:
                    setattr(node, field, trees[value.id])
                elif isinstance(value, list):
                    for i, item in enumerate(value):
                        if isinstance(item, pyast.Name) and item.id in trees:
                            value[i] = trees[item.id]
    return module


def _tuple(codes: list[str]) -> str:
    return "(" + "".join(c + ", " for c in codes) + ")"


# --- code generation -------------------------------------------------------------------------------

_SIMPLE = re.compile(r"r\[\d+\]|_[kt]\d+|None|True|False|-?\d+|'[^'\\]*'")

# Functions whose value changes from call to call; never folded to a constant.
_NONDETERMINISTIC = {"RAND", "RAND_INTEGER", "UUID"}
_CLOCK = {
    "CURRENT_TIMESTAMP", "NOW", "LOCALTIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIME",
    "PROCTIME", "CURRENT_ROW_TIMESTAMP", "UNIX_TIMESTAMP",
}  # fmt: skip
_COMPARISONS = {"=": "==", "<>": "!=", "<": "<", ">": ">", "<=": "<=", ">=": ">="}
_IS = {
    "IS NULL": "{} is None",
    "IS NOT NULL": "{} is not None",
    "IS TRUE": "{} is True",
    "IS NOT TRUE": "{} is not True",
    "IS FALSE": "{} is False",
    "IS NOT FALSE": "{} is not False",
    "IS UNKNOWN": "{} is None",
    "IS NOT UNKNOWN": "{} is not None",
}
# Work constant folding does not do while a statement is planned: a regular expression can
# backtrack for exponential time, and padding or repeating can build gigabytes. Such a call
# is evaluated when the job runs, where it costs what it costs in Flink.
_NOT_FOLDED = {"REGEXP", "REGEXP_REPLACE", "REGEXP_EXTRACT", "SIMILAR TO", "NOT SIMILAR TO"}
_LENGTH_OPERAND = {"REPEAT": 1, "LPAD": 1, "RPAD": 1}
FOLDED_LENGTH_MAX = 1 << 16  # characters a folded REPEAT/LPAD/RPAD may produce
_MATCH_ONLY = {"PREV", "NEXT", "FIRST", "LAST", "FINAL", "RUNNING", "CLASSIFIER", "MATCH_NUMBER"}


class _Gen:
    """Builds the source of one generated function; constants live in `env`."""

    def __init__(self, fields: Sequence[RowField], ctx: CompileContext) -> None:
        self.fields = list(fields)
        self.ctx = ctx
        self.tz = ctx.tz
        self.env: dict[str, Any] = {
            "_ExecutionError": ExecutionError,
            "_FrozenMap": FrozenMap,
            "_FlinkliteError": FlinkliteError,
        }
        self._consts: dict[tuple[type, Any], str] = {}
        self._n = 0
        self.grafts: dict[str, str] = {}  # placeholder name -> the expression it stands for
        self.folding = False  # compiling a constant to fold: its parts are not folded apart
        self._constant: dict[int, bool] = {}  # id(rex) -> _is_constant(rex)

    # --- names --------------------------------------------------------------------------------

    def const(self, value: Any) -> str:
        """A name bound to `value` in the generated module; small literals are written inline."""
        if value is None or isinstance(value, bool):
            return repr(value)
        if type(value) is int and abs(value) < 2**62:
            return repr(value)
        if type(value) is str and len(value) < 80 and "\\" not in value and "'" not in value:
            if value.isprintable():
                return repr(value)
        try:
            key: tuple[type, Any] | None = (type(value), value)
            hash(key)
        except TypeError:
            key = None
        if key is not None and key in self._consts:
            return self._consts[key]
        name = f"_k{self._n}"
        self._n += 1
        self.env[name] = value
        if key is not None:
            self._consts[key] = name
        return name

    def temp(self) -> str:
        name = f"_t{self._n}"
        self._n += 1
        return name

    def share(self, code: str) -> tuple[str, str]:
        """(first use, later uses) of a value needed twice: complex code goes to a temporary."""
        if _SIMPLE.fullmatch(code):
            return code, code
        t = self.temp()
        return f"({t} := {code})", t

    def build(self, source: str, name: str) -> Callable[..., Any]:
        namespace = dict(self.env)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SyntaxWarning)  # `'a' is None` after folding
            code = source if not self.grafts else _grafted(source, self.grafts)
            exec(compile(code, f"<flinklite:{name}>", "exec"), namespace)
        fn = namespace[name]
        fn.__flinklite_source__ = source  # for EXPLAIN-style debugging and tests
        return fn

    # --- nullability ----------------------------------------------------------------------------

    def may_be_null(self, rex: Rex) -> bool:
        if isinstance(rex, Literal):
            return rex.value is None
        if isinstance(rex, SymbolRex):
            return False
        if isinstance(rex, InputRef):
            return rex.type.nullable
        if isinstance(rex, Call):
            # DECIMAL overflow gives NULL whatever the declared type says, as in Flink.
            return rex.type.nullable or rex.type.root == T.DECIMAL or rex.op == "TRY_CAST"
        return True

    def _is_constant(self, rex: Rex) -> bool:
        """Whether `rex` has the same value for every row (remembered per node: asked of every
        node of a tree, it would otherwise walk the tree once per node)."""
        known = self._constant.get(id(rex))
        if known is not None:
            return known
        if isinstance(rex, (Literal, SymbolRex)):
            known = True
        elif isinstance(rex, Call):
            known = (
                rex.op not in _NONDETERMINISTIC
                and not (rex.op in _CLOCK and not self.ctx.batch)
                and rex.op not in _MATCH_ONLY
                and rex.op not in _NOT_FOLDED
                and not _long_result(rex)
                and all(self._is_constant(o) for o in rex.operands)
            )
        else:
            known = False
        self._constant[id(rex)] = known
        return known

    # --- dispatch ---------------------------------------------------------------------------------

    def code(self, rex: Rex) -> str:
        """The Python expression computing `rex`. One that opens many brackets is set aside
        as a graft and stands here as its placeholder name (see build)."""
        text = self._code(rex)
        if text.count("(") + text.count("[") + text.count("{") > GRAFT_BRACKETS:
            name = f"_g{self._n}"
            self._n += 1
            self.grafts[name] = text
            return name
        return text

    def _code(self, rex: Rex) -> str:
        if isinstance(rex, InputRef):
            return f"r[{rex.index}]"
        if isinstance(rex, Literal):
            return self.const(rex.value)
        if isinstance(rex, SymbolRex):
            return self.const(rex.name)
        if isinstance(rex, FieldAccessRex):
            return self._field_access(rex)
        if isinstance(rex, Call):
            folded = self._fold(rex)
            if folded is not None:
                return folded
            return self._call(rex)
        kind = {
            CorrelRef: "correlated reference",
            SubqueryRex: "subquery",
            OverCall: "OVER aggregate",
            PatternRef: "pattern variable reference",
        }.get(type(rex), type(rex).__name__)
        raise UnsupportedError(
            f"Expression compiler: a {kind} ({rex.digest()}) is not supported here"
        )

    def _fold(self, rex: Call) -> str | None:
        """Evaluate a constant sub-expression once; errors are left to run time."""
        if self.folding or not self._is_constant(rex):
            return None
        try:
            sub = _Gen([], self.ctx)
            sub.folding = True  # its parts are compiled into the one function, not folded again
            fn = sub.build("def _c(r):\n    return " + sub._call(rex), "_c")
            value = fn(())
        except UnsupportedError:
            raise
        except Exception:
            return None
        return self.const(value)

    def _call(self, rex: Call) -> str:
        op = rex.op
        ops = rex.operands
        if op == "AND":
            return self._and_or(ops, False)
        if op == "OR":
            return self._and_or(ops, True)
        if op == "NOT":
            return self.strict(ops, lambda a: f"not {a[0]}")
        if op in _IS:
            return "(" + _IS[op].format(self.code(ops[0])) + ")"
        if op == "IS DISTINCT FROM":
            return f"({self.code(ops[0])} != {self.code(ops[1])})"
        if op == "IS NOT DISTINCT FROM":
            return f"({self.code(ops[0])} == {self.code(ops[1])})"
        if op in _COMPARISONS:
            return self._compare(op, ops[0], ops[1])
        if op in ("IN", "NOT IN"):
            return self._in(rex)
        if op in ("LIKE", "NOT LIKE", "SIMILAR TO", "NOT SIMILAR TO"):
            return self._like(rex)
        if op == "CASE":
            return self._case(ops)
        if op in ("CAST", "TRY_CAST"):
            return self._cast(rex)
        if op in ("+", "-", "*", "/", "MOD") and (len(ops) == 2):
            return self._arithmetic(rex)
        if op == "-" and len(ops) == 1:
            return self._negate(rex)
        if op in ("COALESCE", "IFNULL"):
            return self._coalesce([self._cast_to(o, rex.type) for o in ops])
        if op == "IF":
            c, a, b = (
                self.code(o) for o in (ops[0], *[self._cast_to(o, rex.type) for o in ops[1:]])
            )
            return f"({a} if {c} else {b})"
        if op == "NULLIF":
            first, again = self.share(self.code(ops[0]))
            return f"(None if {first} == {self.code(ops[1])} else {again})"
        if op in ("GREATEST", "LEAST"):
            fn = "max" if op == "GREATEST" else "min"
            cast = [self._cast_to(o, rex.type) for o in ops]
            return self.strict(cast, lambda a: f"{fn}({', '.join(a)})")
        if op == "||":
            return self.strict(ops, lambda a: f"{a[0]} + {a[1]}")
        if op == "ROW":
            return _tuple([self.code(o) for o in ops])
        if op == "ARRAY":
            return _tuple([self.code(o) for o in ops])
        if op == "MAP":
            codes = [self.code(o) for o in ops]
            pairs = ", ".join(f"{codes[i]}: {codes[i + 1]}" for i in range(0, len(codes), 2))
            return "_FrozenMap({" + pairs + "})"
        if op == "ITEM":
            return self._item(rex)
        if op in _MATCH_ONLY:
            raise UnsupportedError(f"{op} is only supported inside MATCH_RECOGNIZE")
        return self._function(rex)

    # --- NULL-aware building blocks ----------------------------------------------------------------

    def strict(self, operands: Sequence[Rex], make: Callable[[list[str]], str]) -> str:
        """Code giving NULL when any operand is NULL, else `make(operand codes)`."""
        codes = [self.code(o) for o in operands]
        checks: list[str] = []
        refs: list[str] = []
        for rex, code in zip(operands, codes, strict=True):
            if self.may_be_null(rex):
                if code == "None":
                    return "None"
                first, again = self.share(code)
                checks.append(f"{first} is None")
                refs.append(again)
            else:
                refs.append(code)
        if not checks:
            return f"({make(refs)})"
        return f"(None if {' or '.join(checks)} else {make(refs)})"

    def _and_or(self, operands: Sequence[Rex], is_or: bool) -> str:
        # A chain (a OR b OR c ...) is one flat expression, not one nested per term: a
        # generated WHERE of thousands of ORs compiles in linear time and stays shallow.
        op = "OR" if is_or else "AND"
        terms: list[Rex] = []
        pending = list(reversed(operands))
        while pending:
            rex = pending.pop()
            if isinstance(rex, Call) and rex.op == op and len(rex.operands) == 2:
                pending.extend(reversed(rex.operands))
            else:
                terms.append(rex)
        codes = [self.code(t) for t in terms]
        if not any(self.may_be_null(t) for t in terms):
            return "(" + f" {op.lower()} ".join(codes) + ")"
        decisive, other = ("True", "False") if is_or else ("False", "True")
        shared = [self.share(c) for c in codes]
        tests = " or ".join(f"{first} is {decisive}" for first, _ in shared)
        nulls = " or ".join(f"{again} is None" for _, again in shared)
        return f"({decisive} if {tests} else (None if {nulls} else {other}))"

    def _compare(self, op: str, left: Rex, right: Rex) -> str:
        py = _COMPARISONS[op]
        strings = left.type.root in T.CHARACTER_STRING and right.type.root in T.CHARACTER_STRING
        if strings and op not in ("=", "<>"):
            # Java orders strings by UTF-16 code units; java_compare has an ASCII fast path.
            self.env["_jcmp"] = RS.java_compare
            return self.strict([left, right], lambda a: f"_jcmp({a[0]}, {a[1]}) {py} 0")
        return self.strict([left, right], lambda a: f"{a[0]} {py} {a[1]}")

    def _coalesce(self, operands: Sequence[Rex]) -> str:
        *init, last = operands
        out = self.code(last)
        for o in reversed(init):
            if not self.may_be_null(o):
                out = self.code(o)
                continue
            first, again = self.share(self.code(o))
            out = f"({again} if {first} is not None else {out})"
        return out

    def _case(self, operands: Sequence[Rex]) -> str:
        *pairs, otherwise = operands
        out = self.code(otherwise)
        for i in range(len(pairs) - 2, -1, -2):
            cond, value = self.code(pairs[i]), self.code(pairs[i + 1])
            out = f"({value} if {cond} else {out})"
        return out

    def _in(self, rex: Call) -> str:
        operand, *items = rex.operands
        negate = rex.op == "NOT IN"
        if all(isinstance(i, Literal) and i.value is not None for i in items):
            values = frozenset(i.value for i in items)  # type: ignore[attr-defined]
            name = self.const(values)
            return self.strict([operand], lambda a: f"{a[0]} {'not in' if negate else 'in'} {name}")
        self.env["_in"] = _in_list
        x = self.code(operand)
        listed = _tuple([self.code(i) for i in items])
        code = f"_in({x}, {listed})"
        if negate:
            first, again = self.share(code)
            return f"(None if {first} is None else not {again})"
        return code

    def _like(self, rex: Call) -> str:
        negate = rex.op.startswith("NOT")
        similar = "SIMILAR" in rex.op
        s, pattern, *escape = rex.operands
        literal = isinstance(pattern, Literal) and all(isinstance(e, Literal) for e in escape)
        if literal and pattern.value is not None:  # type: ignore[attr-defined]
            esc = escape[0].value if escape else None  # type: ignore[attr-defined]
            rx = (RS.similar_regex if similar else RS.like_regex)(pattern.value, esc)  # type: ignore[attr-defined]
            name = self.const(rx)
            test = "is None" if negate else "is not None"
            return self.strict([s], lambda a: f"{name}.fullmatch({a[0]}) {test}")
        fn = self.const(RS.similar if similar else RS.like)
        prefix = "not " if negate else ""
        return self.strict(rex.operands, lambda a: f"{prefix}{fn}({', '.join(a)})")

    # --- casts ---------------------------------------------------------------------------------------

    def _cast_to(self, rex: Rex, target: DataType) -> Rex:
        """`rex` converted to `target` when its values differ in representation."""
        if T.same_ignoring_nullability(rex.type.without_time_attribute(), target):
            return rex
        if rex.type.root == target.root and target.root not in (T.DECIMAL, T.TIMESTAMP, T.CHAR):
            return rex
        if rex.type.root == T.NULL:
            return rex
        return Call(target.with_nullable(rex.type.nullable), "CAST", (rex,))

    def _cast(self, rex: Call) -> str:
        (operand,) = rex.operands
        src = operand.type.without_time_attribute()
        dst = rex.type.without_time_attribute()
        fn = RC.caster(src, dst, self.tz)
        if rex.op == "TRY_CAST":
            if fn is None:
                return self.code(operand)
            self.env["_try"] = _try_cast
            name = self.const(fn)
            return self.strict([operand], lambda a: f"_try({name}, {a[0]})")
        if fn is None:
            return self.code(operand)
        name = self.const(fn)
        return self.strict([operand], lambda a: f"{name}({a[0]})")

    # --- arithmetic ----------------------------------------------------------------------------------

    def _arithmetic(self, rex: Call) -> str:
        op = rex.op
        a, b = rex.operands
        root = rex.type.root
        ta, tb = a.type.root, b.type.root
        if root in M.INT_BITS:
            return self._integer_arithmetic(rex)
        if root in (T.DOUBLE, T.FLOAT):
            a, b = (self._cast_to(o, T.double()) if o.type.root == T.DECIMAL else o for o in (a, b))
            if op == "/":
                self.env["_fdiv"] = M.float_div
                make = lambda x: f"_fdiv({x[0]}, {x[1]})"  # noqa: E731
            elif op == "MOD":
                self.env["_fmod"] = _float_mod
                make = lambda x: f"_fmod({x[0]}, {x[1]})"  # noqa: E731
            else:
                make = lambda x: f"{x[0]} {op} {x[1]}"  # noqa: E731
            if root == T.FLOAT:
                self.env["_f32"] = M.to_float32
                inner = make
                make = lambda x: f"_f32({inner(x)})"  # noqa: E731
            return self.strict([a, b], make)
        if root == T.DECIMAL:
            fit = self.const(M.decimal_fitter(rex.type.precision or 10, rex.type.scale or 0))
            self.env["_EX"] = M.EXACT
            method = {"+": "_EX.add", "-": "_EX.subtract", "*": "_EX.multiply"}.get(op)
            if op == "/":
                self.env["_ddiv"] = M.decimal_divide
                method = "_ddiv"
            elif op == "MOD":
                self.env["_dmod"] = M.decimal_mod
                method = "_dmod"
            return self.strict([a, b], lambda x: f"{fit}({method}({x[0]}, {x[1]}))")
        if root in T.DATETIME:
            if ta in T.INTERVALS:  # interval + datetime
                a, b = b, a
                ta, tb = tb, ta
            plus = self.const(RT.plus_interval(root, tb, self.tz))
            sign = "-" if op == "-" else ""
            return self.strict([a, b], lambda x: f"{plus}({x[0]}, {sign}{x[1]})")
        if root in T.INTERVALS:
            if op in ("+", "-", "*"):
                return self.strict([a, b], lambda x: f"{x[0]} {op} {x[1]}")
        raise UnsupportedError(f"Operator {op} on {a.type} and {b.type} is not supported yet")

    def _integer_arithmetic(self, rex: Call) -> str:
        op = rex.op
        lo, hi = M.INT_RANGE[rex.type.root]
        bits = M.INT_BITS[rex.type.root]
        self.env["_wrap"] = M.wrap
        if op == "MOD":
            self.env["_imod"] = M.int_mod
            return self.strict(rex.operands, lambda x: f"_imod({x[0]}, {x[1]})")
        if op == "/":
            self.env["_idiv"] = M.int_div
            inner = lambda x: f"_idiv({x[0]}, {x[1]})"  # noqa: E731
        else:
            inner = lambda x: f"{x[0]} {op} {x[1]}"  # noqa: E731

        def make(x: list[str]) -> str:
            t = self.temp()
            return f"({t} if {lo} <= ({t} := {inner(x)}) <= {hi} else _wrap({t}, {bits}))"

        return self.strict(rex.operands, make)

    def _negate(self, rex: Call) -> str:
        (a,) = rex.operands
        root = rex.type.root
        if root in M.INT_BITS:
            bits = M.INT_BITS[root]
            self.env["_wrap"] = M.wrap
            return self.strict([a], lambda x: f"_wrap(-{x[0]}, {bits})")
        if root == T.DECIMAL:
            self.env["_EX"] = M.EXACT
            return self.strict([a], lambda x: f"_EX.minus({x[0]})")
        return self.strict([a], lambda x: f"-{x[0]}")

    # --- structured values ----------------------------------------------------------------------------

    def _field_access(self, rex: FieldAccessRex) -> str:
        t = rex.operand.type
        index = next(i for i, f in enumerate(t.fields) if f.name == rex.field)
        return self.strict([rex.operand], lambda a: f"{a[0]}[{index}]")

    def _item(self, rex: Call) -> str:
        container, key = rex.operands
        if container.type.root == T.MAP:
            return self.strict([container, key], lambda a: f"{a[0]}.get({a[1]})")
        self.env["_item"] = _array_item
        return self.strict([container, key], lambda a: f"_item({a[0]}, {a[1]})")

    # --- functions ---------------------------------------------------------------------------------------

    def _function(self, rex: Call) -> str:
        impl = implementation(rex, self.ctx)
        name = self.const(impl.fn)
        if not impl.strict:
            args = ", ".join(self.code(o) for o in rex.operands)
            return f"{name}({args})"
        return self.strict(rex.operands, lambda a: f"{name}({', '.join(a)})")


# --- run-time helpers the generated code calls ----------------------------------------------------


def _in_list(x: Any, items: tuple) -> bool | None:
    """x IN (items) with SQL's NULL rules: TRUE on a match, else NULL if anything was NULL."""
    if x is None:
        return None
    saw_null = False
    for item in items:
        if item is None:
            saw_null = True
        elif item == x:
            return True
    return None if saw_null else False


def _try_cast(fn: Callable[[Any], Any], value: Any) -> Any:
    try:
        return fn(value)
    except (ExecutionError, ValueError, ArithmeticError, OverflowError):
        return None


def _float_mod(a: float, b: float) -> float:
    import math

    try:
        return math.fmod(a, b)
    except ValueError:
        return math.nan


def _array_item(array: list, index: int) -> Any:
    """array[index], 1-based; out of range gives NULL."""
    if 1 <= index <= len(array):
        return array[index - 1]
    return None


def _long_result(rex: Call) -> bool:
    """A REPEAT/LPAD/RPAD whose literal length makes a string too long to build at planning."""
    index = _LENGTH_OPERAND.get(rex.op)
    if index is None or index >= len(rex.operands):
        return False
    length = rex.operands[index]
    if not isinstance(length, Literal) or not isinstance(length.value, int):
        return False
    text = rex.operands[0]
    width = len(text.value) if isinstance(text, Literal) and isinstance(text.value, str) else 1
    return length.value * (width if rex.op == "REPEAT" else 1) > FOLDED_LENGTH_MAX


def value_repr(value: Any) -> str:
    """A short text form of a value for messages."""
    if isinstance(value, Decimal):
        return f"{value:f}"
    return repr(value)
