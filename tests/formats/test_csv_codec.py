"""The csv format's codecs against what Flink 2.3 read and wrote for the same data
(decode_probe.csv and flink_sink.csv in data/ came from the flink-oracle)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from flink_sink_rows import SINK_FIELDS, sink_rows

from flinklite.catalog import types as T
from flinklite.catalog.types import RowField
from flinklite.connectors.filesystem_source import FileSystemSource
from flinklite.formats import csv_codec
from flinklite.formats.text_codec import days_of_date, timestamp_parser
from flinklite.runtime.connector import ScanSpec
from flinklite.runtime.operator import RuntimeContext

DATA = Path(__file__).parent / "data"

PROBE_FIELDS = (
    RowField("id", T.int_()),
    RowField("s", T.string()),
    RowField("i", T.int_()),
    RowField("d", T.double()),
    RowField("dc", T.decimal(10, 2)),
    RowField("b", T.boolean()),
    RowField("ts", T.timestamp(3)),
    RowField("dt", T.date()),
    RowField("tm", T.time(3)),
    RowField("ltz", T.timestamp_ltz(3)),
)
_SQL_TS = timestamp_parser(False, False)


def _read(path: Path, fields, options, projected=None) -> list[tuple]:
    spec = ScanSpec(
        "t", {"path": str(path)}, {"value": ("csv", options)}, projected or fields, fields
    )
    source = FileSystemSource(spec)
    source.open(RuntimeContext())
    rows = []
    for split in source.splits():
        while (batch := split.poll()) is not None:
            rows.extend(batch)
    return rows


def _flink_row(values: list) -> tuple:
    """The oracle's printed row (id, s, CHAR_LENGTH(s), i, d, dc, b, ts, dt, tm, ltz) as
    flinklite values, without the CHAR_LENGTH column."""
    id_, s, _, i, d, dc, b, ts, dt, tm, ltz = values
    if isinstance(d, str):
        d = float(d.replace("Infinity", "inf"))
    time_ns = None
    if tm is not None:
        h, m, sec = tm.split(":")
        time_ns = ((int(h) * 60 + int(m)) * 60) * 10**9 + round(float(sec) * 10**9)
    return (
        id_,
        s,
        i,
        d,
        None if dc is None else Decimal(dc),
        b,
        None if ts is None else _SQL_TS(ts),
        None if dt is None else days_of_date(*map(int, dt.split("-"))),
        time_ns,
        None if ltz is None else _SQL_TS(ltz),
    )


def test_reads_every_probe_record_as_flink_does_with_ignore_parse_errors():
    rows = _read(DATA / "decode_probe.csv", PROBE_FIELDS, {"ignore-parse-errors": True})
    lines = (DATA / "decode_probe.expected.jsonl").read_text().splitlines()
    expected = [_flink_row(json.loads(line)) for line in lines]
    got = [tuple("NaN" if v != v else v for v in r) for r in rows]  # NaN != NaN
    want = [tuple("NaN" if v != v else v for v in r) for r in expected]
    assert got == want


def test_bad_field_fails_with_file_and_line(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,1\nb,x\n")
    fields = (RowField("s", T.string()), RowField("i", T.int_()))
    with pytest.raises(Exception) as e:
        _read(path, fields, {})
    assert f"{path}, line 2" in str(e.value)
    assert 'For input string: "x"' in str(e.value)


def test_blank_line_is_a_length_mismatch_as_in_flink(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,1\n\nb,2\n")
    fields = (RowField("s", T.string()), RowField("i", T.int_()))
    with pytest.raises(Exception, match="Row length mismatch. 2 fields expected but was 1."):
        _read(path, fields, {})


def test_comments_and_blank_lines_are_skipped_with_allow_comments(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("# header\na,1\n\nb,2\n")
    fields = (RowField("s", T.string()), RowField("i", T.int_()))
    assert _read(path, fields, {"allow-comments": True}) == [("a", 1), ("b", 2)]


def test_projection_reads_only_the_needed_columns_in_query_order(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,1,x\nb,2,y\n")
    fields = (RowField("s", T.string()), RowField("i", T.int_()), RowField("z", T.int_()))
    # 'z' would fail to parse as INT, but it is not read.
    projected = (fields[1], fields[0])
    assert _read(path, fields, {}, projected) == [(1, "a"), (2, "b")]


def test_null_literal_and_other_delimiter(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a|NULL\nNULL|2\n")
    fields = (RowField("s", T.string()), RowField("i", T.int_()))
    options = {"field-delimiter": "|", "null-literal": "NULL"}
    assert _read(path, fields, options) == [("a", None), (None, 2)]


def test_writes_the_bytes_flink_writes():
    encode = csv_codec.encoder(SINK_FIELDS, {}).encode
    text = "".join(encode(r) + "\n" for r in sink_rows())
    assert text == (DATA / "flink_sink.csv").read_text(encoding="utf-8")


def test_quoting_follows_the_delimiter_and_quote_character():
    fields = (RowField("s", T.string()), RowField("d", T.decimal(10, 2)))
    options = {"field-delimiter": ";", "quote-character": "'", "null-literal": "NULL"}
    encode = csv_codec.encoder(fields, options).encode
    # Checked on Flink: with ';' every character up to ';' (digits too) asks for quotes.
    assert encode(("5", Decimal("100.00"))) == "'5';1E+2"
    assert encode(("A", Decimal("0.00"))) == "A;0"
    assert encode(("a'b", None)) == "'a''b';NULL"
    assert encode(("a\\b", Decimal("12345678.90"))) == "'a\\b';12345678.9"


def test_decoder_reads_one_message():
    fields = (RowField("s", T.string()), RowField("n", T.bigint()))
    decode = csv_codec.decoder(fields, {}).decode
    assert decode(b'"x,y", 7 ') == ("x,y", 7)
