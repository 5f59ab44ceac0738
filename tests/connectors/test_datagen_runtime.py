"""The datagen connector at run time: sequences as Flink 2.3 produced them, bounds, random
values within their options, and rate limiting that never blocks."""

from __future__ import annotations

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.connectors.datagen_source import DataGenSource
from flinklite.runtime.connector import ScanSpec
from flinklite.runtime.operator import RuntimeContext


def source(fields, options, physical=None) -> DataGenSource:
    spec = ScanSpec("g", options, {}, physical or fields, fields)
    src = DataGenSource(spec)
    src.open(RuntimeContext())
    return src


def drain(src: DataGenSource) -> list[tuple]:
    split = src.splits()[0]
    rows = []
    while (batch := split.poll()) is not None:
        rows.extend(batch)
    return rows


def test_sequences_as_flink_gives_them():
    # Flink 2.3: SELECT * FROM g with these options returned exactly these five rows.
    names = ("id", "s", "bi", "d", "r", "f", "t")
    types = (T.int_(), T.string(), T.bigint(), T.double(), T.int_(), T.float_(), T.smallint())
    fields = tuple(RowField(n, t) for n, t in zip(names, types, strict=True))
    options = {"rows-per-second": 10000, "fields.r.min": 1, "fields.r.max": 1}
    for name, (start, end) in {
        "id": (1, 5), "s": ("10", "20"), "bi": (-2, 100), "d": (1.0, 30.0), "f": (1.0, 30.0),
        "t": (1, 30),
    }.items():  # fmt: skip
        options |= {f"fields.{name}.kind": "sequence", f"fields.{name}.start": start}
        options |= {f"fields.{name}.end": end}
    src = source(fields, options)
    assert src.bounded
    assert drain(src) == [
        (1, "10", -2, 1.0, 1, 1.0, 1),
        (2, "11", -1, 2.0, 1, 2.0, 2),
        (3, "12", 0, 3.0, 1, 3.0, 3),
        (4, "13", 1, 4.0, 1, 4.0, 4),
        (5, "14", 2, 5.0, 1, 5.0, 5),
    ]


def test_number_of_rows_bounds_random_columns_within_their_options():
    fields = (
        RowField("i", T.int_()),
        RowField("s", T.string()),
        RowField("v", T.varchar(10)),
        RowField("n", T.bigint()),
    )
    options = {
        "rows-per-second": 1_000_000,
        "number-of-rows": 500,
        "fields.i.min": 5,
        "fields.i.max": 7,
        "fields.s.length": 4,
        "fields.v.var-len": True,
        "fields.n.null-rate": 1.0,
    }
    rows = drain(source(fields, options))
    assert len(rows) == 500
    assert {r[0] for r in rows} == {5, 6, 7}
    assert all(len(r[1]) == 4 and set(r[1]) <= set("0123456789abcdef") for r in rows)
    assert all(1 <= len(r[2]) < 10 for r in rows)
    assert all(r[3] is None for r in rows)


def test_unbounded_without_sequences_or_a_row_count():
    src = source((RowField("i", T.int_()),), {"rows-per-second": 10000})
    assert not src.bounded


def test_rate_limit_returns_empty_batches_instead_of_sleeping():
    src = source((RowField("i", T.int_()),), {"rows-per-second": 1, "number-of-rows": 5})
    split = src.splits()[0]
    assert len(split.poll()) == 1
    assert split.poll() == []


def test_projection_keeps_the_sequence_bound_of_unread_columns():
    fields = (RowField("id", T.int_()), RowField("x", T.int_()))
    options = {"fields.id.kind": "sequence", "fields.id.start": 1, "fields.id.end": 3}
    options |= {"rows-per-second": 10000, "fields.x.min": 0, "fields.x.max": 0}
    assert drain(source(fields, options, physical=(fields[1],))) == [(0,), (0,), (0,)]
