"""Table-valued functions in FROM: the window TVFs (TUMBLE, HOP, CUMULATE, SESSION) with
Flink's window_start / window_end / window_time columns, UNNEST, and user table functions."""

from __future__ import annotations

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.errors import UnsupportedError, ValidationError
from flinklite.expr.rex import Rex
from flinklite.planner import logical as L
from flinklite.planner.binding import BinderContext, aliased
from flinklite.planner.expressions import ExprContext
from flinklite.planner.scope import Scope
from flinklite.sql import ast

# Parameter names in declaration order; the counts of interval arguments each window takes.
WINDOW_TVFS = {
    "TUMBLE": ("DATA", "TIMECOL", "SIZE", "OFFSET"),
    "HOP": ("DATA", "TIMECOL", "SLIDE", "SIZE", "OFFSET"),
    "CUMULATE": ("DATA", "TIMECOL", "STEP", "SIZE", "OFFSET"),
    "SESSION": ("DATA", "TIMECOL", "GAP"),
}
REQUIRED_INTERVALS = {"TUMBLE": 1, "HOP": 2, "CUMULATE": 2, "SESSION": 1}


def bind_table_function(
    binder: BinderContext, ref: ast.TableFunctionRef, parent: Scope | None, left: Scope | None
) -> tuple[L.RelNode, Scope]:
    call = ref.call
    name = call.name[-1].upper() if len(call.name) == 1 else ".".join(call.name)
    if name in WINDOW_TVFS:
        node = _window_tvf(binder, name, call, parent)
    else:
        udf = binder.catalog_function(call.name, call.pos)
        if udf is not None:
            raise UnsupportedError(
                f"Table function '{'.'.join(call.name)}' is a user-defined function implemented in "
                f"{(udf.language or 'JAVA').title()} (class '{udf.class_name}'); flinklite runs "
                "built-in functions only",
                pos=call.pos,
            )
        raise ValidationError(
            f"No match found for table function '{'.'.join(call.name)}'", pos=call.pos
        )

    return aliased(node, ref.alias, ref.column_aliases, ref.pos)


def _window_tvf(
    binder: BinderContext, name: str, call: ast.FunctionCall, parent: Scope | None
) -> L.RelNode:
    params = WINDOW_TVFS[name]
    args: dict[str, ast.Expr] = {}
    for i, arg in enumerate(call.args):
        if isinstance(arg, ast.NamedArgument):
            key = arg.name.upper()
            if key not in params:
                raise ValidationError(
                    f"Unknown parameter '{arg.name}' of {name}; parameters are {', '.join(params)}",
                    pos=arg.pos,
                )
            args[key] = arg.value
        elif i < len(params):
            args[params[i]] = arg
        else:
            raise ValidationError(f"Too many arguments to window function {name}", pos=arg.pos)
    table_arg = args.get("DATA")
    if not isinstance(table_arg, ast.TableArgument):
        raise ValidationError(
            f"The first argument of {name} must be a table: TABLE t", pos=call.pos
        )
    node, scope = binder.bind_relation(table_arg.relation, parent)
    descriptor = args.get("TIMECOL")
    if not isinstance(descriptor, ast.Descriptor) or len(descriptor.columns) != 1:
        raise ValidationError(
            f"The second argument of {name} must be DESCRIPTOR(time_column)", pos=call.pos
        )
    time_col = Scope(scope.fields, table_expression=True).resolve(
        (descriptor.columns[0],), descriptor.pos
    )
    if time_col.type.time_attribute is None:
        raise ValidationError(
            f"The window function {name}(TABLE table_name, DESCRIPTOR(timecol), datetime interval"
            f"{', datetime interval' * (REQUIRED_INTERVALS[name] - 1)}) requires the timecol to be a time "
            f"attribute type, but is {time_col.type}.",
            pos=descriptor.pos,
        )
    interval_names = [p for p in params[2:] if p in args]
    intervals: list[Rex] = []
    for p in interval_names:
        rex = binder.exprs.bind(args[p], ExprContext(Scope(), name))
        if rex.type.root != T.INTERVAL_DAY_TIME:
            raise ValidationError(
                f"The {p} of {name} must be a day-time interval, not {rex.type}", pos=args[p].pos
            )
        intervals.append(rex)
    if len(intervals) < REQUIRED_INTERVALS[name]:
        raise ValidationError(f"Missing the window size of {name}", pos=call.pos)
    for key in table_arg.partition_by:
        binder.exprs.bind(key, ExprContext(scope, "PARTITION BY"))
    ltz = time_col.type.root == T.TIMESTAMP_LTZ
    bound = T.timestamp(3, False)
    window_time = T.timestamp_ltz(3, False) if ltz else T.timestamp(3, False)
    kind = "ROWTIME" if time_col.type.is_rowtime else "PROCTIME"
    fields = tuple(RowField(f.name, f.type) for f in scope.fields) + (
        RowField("window_start", bound),
        RowField("window_end", bound),
        RowField("window_time", window_time.as_time_attribute(kind)),
    )
    text = ", ".join(
        [f"DESCRIPTOR(${getattr(time_col, 'index', 0)})"] + [i.digest() for i in intervals]
    )
    args = (getattr(time_col, "index", 0), *intervals)
    return L.TableFunctionScan(fields, (node,), f"{name}({text})", args)


def bind_unnest(binder: BinderContext, u: ast.Unnest, scope: Scope) -> tuple[L.RelNode, Scope]:
    ctx = ExprContext(scope, "UNNEST")
    fields: list[RowField] = []
    items = []
    for item in u.items:
        rex = binder.exprs.bind(item, ctx)
        items.append(rex)
        t = rex.type
        if t.root in (T.ARRAY, T.MULTISET):
            element = t.elements[0]
            if element.root == T.ROW:
                fields += [RowField(f.name, f.type) for f in element.fields]
            else:
                fields.append(RowField(f"EXPR${len(fields)}", element))
        elif t.root == T.MAP:
            fields += [RowField("KEY", t.elements[0]), RowField("VALUE", t.elements[1])]
        else:
            raise ValidationError(
                f"UNNEST expects an ARRAY, MULTISET or MAP, not {t}", pos=item.pos
            )
    if u.with_ordinality:
        fields.append(RowField("ORDINALITY", T.int_(False)))
    # args: WITH ORDINALITY, then the collections (over the row of the FROM item before it).
    node = L.TableFunctionScan(tuple(fields), (), "UNNEST", (u.with_ordinality, *items))

    return aliased(node, u.alias, u.column_aliases, u.pos)
