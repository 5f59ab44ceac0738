"""Fuzzing the formats' decoders: whatever bytes a topic or file holds, decoding a record gives
a row, skips it (ignore-parse-errors), or raises what the sources turn into an error naming
the record's place (RECORD_ERRORS) or a flinklite error; never anything else, and never slowly.

Inputs are valid records of each format with one to four byte-level edits (flips,
insertions, deletions, truncations, splices of another record) and random bytes."""

from __future__ import annotations

import struct

import pytest
from fuzzing import BOUNDED, LONG, clean_error, within
from hypothesis import given
from hypothesis import strategies as st

from flinklite.catalog.types import RowField, parse_type_string
from flinklite.connectors.kafka_runtime import RECORD_ERRORS, format_codec
from flinklite.errors import FlinkliteError
from flinklite.kafka.registry_server import RegistryServer, SchemaStore

BUDGET_S = 2.0  # per record, on a slow machine

COLUMNS = {
    "s": "STRING",
    "i": "INT",
    "b": "BIGINT",
    "d": "DOUBLE",
    "m": "DECIMAL(10, 2)",
    "f": "BOOLEAN",
    "day": "DATE",
    "ts": "TIMESTAMP(3)",
    "arr": "ARRAY<INT>",
    "r": "ROW<x INT, y STRING>",
    "kv": "MAP<STRING, INT>",
}
FLAT = ("s", "i", "b", "d", "m", "f", "day", "ts")  # what CSV reads (and ARRAY)


def _fields(names) -> tuple[RowField, ...]:
    return tuple(RowField(n, parse_type_string(COLUMNS[n])) for n in names)


JSON_SEEDS = [
    b'{"s":"hello","i":1,"b":2,"d":1.5,"m":12.34,"f":true,"day":"2024-01-02",'
    b'"ts":"2024-01-02 03:04:05.678","arr":[1,2,3],"r":{"x":1,"y":"a"},"kv":{"k":1}}',
    b'{"s":null,"i":-2147483648,"b":9223372036854775807,"d":-0.0,"m":"99999999.99",'
    b'"f":false,"day":"1970-01-01","ts":"1970-01-01 00:00:00","arr":[],"r":null,"kv":{}}',
    b'{"s":"\\u00e9\\ud83d\\ude00","arr":[null],"kv":{"":null}}',
]
CSV_SEEDS = [
    b"hello,1,2,1.5,12.34,true,2024-01-02,2024-01-02 03:04:05.678,1;2;3",
    b'"a,""b""",-1,0,1e300,-0.01,false,0001-01-01,1970-01-01 00:00:00,7',
    b",0,0,0,0,TRUE,2000-02-29,2000-02-29 23:59:59.999,1;2",
]


def _avro_seeds(fields) -> list[bytes]:
    from flinklite.formats.avro_codec import AvroWriter

    json_decode = format_codec("json", "decoder")(fields, {}).decode
    writer = AvroWriter(fields)
    return [writer.write(json_decode(seed)) for seed in JSON_SEEDS]


@pytest.fixture(scope="module")
def registry():
    server = RegistryServer(SchemaStore()).start()
    yield server.url
    server.shutdown()


def _decoders(registry_url: str):
    """(name, decode, seeds) for every format and the options that change how it reads."""
    every, flat = _fields(COLUMNS), _fields(FLAT + ("arr",))
    out = []
    for ignore in (False, True):
        opts = {"ignore-parse-errors": ignore}
        out.append((f"json{ignore}", format_codec("json", "decoder")(every, opts), JSON_SEEDS))
        out.append((f"csv{ignore}", format_codec("csv", "decoder")(flat, opts), CSV_SEEDS))
    raw = _fields(["s"])
    out.append(("raw", format_codec("raw", "decoder")(raw, {}), [b"hello", "é".encode()]))
    avro = _avro_seeds(every)
    out.append(("avro", format_codec("avro", "decoder")(every, {}), avro))
    from flinklite.formats.avro_codec import AvroWriter, schema_text
    from flinklite.formats.schema_registry import client_for

    options = {"url": registry_url}
    schema_id = client_for(options).register(
        "fuzz-value", schema_text(AvroWriter(every).schema_json)
    )
    framed = [b"\x00" + struct.pack(">I", schema_id) + seed for seed in avro]
    out.append(
        ("avro-confluent", format_codec("avro-confluent", "decoder")(every, options), framed)
    )
    return [(name, decoder.decode, seeds) for name, decoder, seeds in out]


@st.composite
def damaged(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(data)))
        edit = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "splice"]))
        if edit == "flip" and i < len(data):
            data[i] = draw(st.integers(0, 255))
        elif edit == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=8))
        elif edit == "delete":
            del data[i : i + draw(st.integers(1, 8))]
        elif edit == "truncate":
            del data[i:]
        else:
            other = draw(st.sampled_from(seeds))
            data[i:] = other[draw(st.integers(0, len(other))) :]
    return bytes(data)


def _check(decode, record: bytes) -> None:
    try:
        within(BUDGET_S, lambda: decode(record))
    except RECORD_ERRORS:
        pass  # the source names the record's place (topic/partition/offset, file/line)
    except FlinkliteError as e:
        clean_error(e)


def _run(registry_url: str, data) -> None:
    name, decode, seeds = data.draw(st.sampled_from(_cached(registry_url)), label="format")
    record = data.draw(st.one_of(damaged(seeds), st.binary(max_size=64)), label=name)
    _check(decode, record)


_built: dict[str, list] = {}


def _cached(registry_url: str) -> list:
    if registry_url not in _built:
        _built[registry_url] = _decoders(registry_url)
    return _built[registry_url]


def test_the_seeds_are_valid_records(registry):
    for name, decode, seeds in _cached(registry):
        for seed in seeds:
            assert decode(seed) is not None, (name, seed)


@BOUNDED
@given(data=st.data())
def test_damaged_records_fail_cleanly(registry, data):
    _run(registry, data)


@pytest.mark.fuzz_long
@LONG
@given(data=st.data())
def test_damaged_records_fail_cleanly_long(registry, data):
    _run(registry, data)
