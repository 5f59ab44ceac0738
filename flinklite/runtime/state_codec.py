"""Operator state as plain data: a versioned JSON encoding of the values operators keep, which
reading never executes (no pickle), so a checkpoint from another flinklite version either
restores or fails with a clear message.

JSON's own values stand for themselves (null, booleans, integers, finite floats, strings, and
arrays for lists); every other value is an object with exactly one tag naming its type:
`{"t": [..]}` a tuple, `{"d": "1.50"}` a Decimal (its scale kept), `{"b": "base64"}` bytes,
`{"m": [[k, v], ..]}` a dict (any hashable keys), `{"fm": ..}` a MAP value, `{"s": ..}` /
`{"fs": ..}` sets, `{"q": [..], "n": maxlen}` a deque, `{"f": "nan"}` a non-finite float."""

from __future__ import annotations

import base64
import math
from collections import deque
from decimal import Decimal
from typing import Any

from flinklite.errors import ExecutionError
from flinklite.expr.literals import FrozenMap

STATE_FORMAT_VERSION = 1


class StateCodecError(ExecutionError):
    """A value that cannot be written into a checkpoint, or a checkpoint that cannot be read."""


def encode(value: Any, where: str = "state") -> Any:
    """`value` as JSON-ready data; `where` names the operator in errors."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"f": repr(value)}
    if isinstance(value, list):
        return [encode(v, where) for v in value]
    if isinstance(value, tuple):
        return {"t": [encode(v, where) for v in value]}
    if isinstance(value, Decimal):
        return {"d": str(value)}
    if isinstance(value, bytes):
        return {"b": base64.b64encode(value).decode("ascii")}
    if isinstance(value, FrozenMap):
        return {"fm": [[encode(k, where), encode(v, where)] for k, v in value.items()]}
    if isinstance(value, dict):
        return {"m": [[encode(k, where), encode(v, where)] for k, v in value.items()]}
    if isinstance(value, frozenset):
        return {"fs": [encode(v, where) for v in value]}
    if isinstance(value, set):
        return {"s": [encode(v, where) for v in value]}
    if isinstance(value, deque):
        return {"q": [encode(v, where) for v in value], "n": value.maxlen}
    raise StateCodecError(
        f"The state of {where} holds a {type(value).__name__}, which flinklite cannot write "
        "into a checkpoint",
        hint="flinklite hit an internal error; please report it with the statement.",
    )


def decode(data: Any, where: str = "state") -> Any:
    """The value `encode` wrote; anything else is refused, never interpreted."""
    if data is None or isinstance(data, (bool, str, int, float)):
        return data
    if isinstance(data, list):
        return [decode(v, where) for v in data]
    if not isinstance(data, dict) or not data:
        raise _unreadable(where, data)
    tag = next(iter(data))
    body = data[tag]
    try:
        if tag == "t":
            return tuple(decode(v, where) for v in body)
        if tag == "d":
            return Decimal(body)
        if tag == "b":
            return base64.b64decode(body, validate=True)
        if tag == "m":
            return {decode(k, where): decode(v, where) for k, v in body}
        if tag == "fm":
            return FrozenMap((decode(k, where), decode(v, where)) for k, v in body)
        if tag == "s":
            return {decode(v, where) for v in body}
        if tag == "fs":
            return frozenset(decode(v, where) for v in body)
        if tag == "q":
            return deque((decode(v, where) for v in body), maxlen=data.get("n"))
        if tag == "f" and body in ("nan", "inf", "-inf"):
            return float(body)
    except (TypeError, ValueError, ArithmeticError) as e:
        raise _unreadable(where, data) from e
    raise _unreadable(where, data)


def _unreadable(where: str, data: Any) -> StateCodecError:
    shown = repr(data)
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    return StateCodecError(f"The checkpointed state of {where} cannot be read: {shown}")
