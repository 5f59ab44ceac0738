"""Specification of the state encoding: every value operators keep survives a round trip
through JSON exactly, nothing else is written, and reading never interprets unknown data."""

from __future__ import annotations

import json
import math
from collections import deque
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flinklite.expr.literals import FrozenMap
from flinklite.runtime.state_codec import StateCodecError, decode, encode

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=8)
    | st.binary(max_size=8)
    | st.decimals(allow_nan=False, allow_infinity=False, places=3)
)
hashables = st.recursive(scalars, lambda inner: st.tuples(inner, inner), max_leaves=4)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=4).map(tuple)
        | st.dictionaries(hashables, inner, max_size=4)
        | st.dictionaries(hashables, hashables, max_size=3).map(FrozenMap)
        | st.sets(hashables, max_size=4)
        | st.frozensets(hashables, max_size=4)
        | st.lists(inner, max_size=4).map(lambda xs: deque(xs, maxlen=5))
    ),
    max_leaves=12,
)


def _same(a, b) -> bool:
    """Equal, and of the same types all the way down (1 is not 1.0, a tuple not a list)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple, deque)):
        if isinstance(a, deque) and a.maxlen != b.maxlen:
            return False
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, Decimal):
        return a.as_tuple() == b.as_tuple()  # the scale too
    return a == b


@given(values)
def test_every_state_value_survives_a_round_trip_through_json(value):
    text = json.dumps(encode(value), allow_nan=False)
    assert _same(decode(json.loads(text)), value)


def test_non_finite_floats_and_decimal_scale():
    for f in (math.inf, -math.inf):
        assert decode(json.loads(json.dumps(encode(f), allow_nan=False))) == f
    assert math.isnan(decode(json.loads(json.dumps(encode(math.nan), allow_nan=False))))
    assert str(decode(encode(Decimal("1.50")))) == "1.50"


def test_a_value_that_cannot_be_written_names_the_operator():
    with pytest.raises(StateCodecError, match="GroupAggregate.*holds a object"):
        encode({"k": object()}, "GroupAggregate")


@pytest.mark.parametrize(
    "data", [{"x": 1}, {}, {"f": "1.0"}, {"d": "not a number"}, {"b": "***"}, {"t": 5}]
)
def test_unknown_or_malformed_data_is_refused_not_interpreted(data):
    with pytest.raises(StateCodecError, match="cannot be read"):
        decode(data, "Match")
