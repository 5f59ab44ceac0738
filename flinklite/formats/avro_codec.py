"""Avro binary records to rows and back, with fastavro: the table's Avro schema (as Flink's
AvroSchemaConverter derives it), reading by field name against a writer schema, and writing.

Logical types are resolved here rather than by fastavro, so values stay in flinklite's value
contract (timestamps as epoch nanoseconds, dates as days) without datetime objects per row."""

from __future__ import annotations

import copy
import decimal
import io
import json
from collections.abc import Callable
from typing import Any

import fastavro
from fastavro.read import SchemaResolutionError

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType, RowField
from flinklite.errors import ExecutionError
from flinklite.runtime.rows import NANOS_PER_MILLI, Row

RECORD_NAME = "record"
NAMESPACE = "org.apache.flink.avro.generated"


# --- table type -> Avro schema ---------------------------------------------------------------


def _avro_type(t: DataType, name: str) -> Any:
    root = t.root
    if root in T.CHARACTER_STRING:
        base: Any = "string"
    elif root == T.BOOLEAN:
        base = "boolean"
    elif root in (T.TINYINT, T.SMALLINT, T.INTEGER):
        base = "int"
    elif root == T.BIGINT:
        base = "long"
    elif root == T.FLOAT:
        base = "float"
    elif root == T.DOUBLE:
        base = "double"
    elif root in T.BINARY_STRING:
        base = "bytes"
    elif root == T.DECIMAL:
        base = {"type": "bytes", "logicalType": "decimal", "precision": t.precision}
        base["scale"] = t.scale
    elif root == T.DATE:
        base = {"type": "int", "logicalType": "date"}
    elif root == T.TIME:
        base = {"type": "int", "logicalType": "time-millis"}
    elif root == T.TIMESTAMP:
        micros = (t.precision or 0) > 3
        base = {"type": "long", "logicalType": "timestamp-micros" if micros else "timestamp-millis"}
    elif root == T.TIMESTAMP_LTZ:
        micros = (t.precision or 0) > 3
        logical = "local-timestamp-micros" if micros else "local-timestamp-millis"
        base = {"type": "long", "logicalType": logical}
    elif root == T.ARRAY:
        base = {"type": "array", "items": _avro_type(t.elements[0], name)}
    elif root == T.MAP:
        base = {"type": "map", "values": _avro_type(t.elements[1], name)}
    elif root == T.ROW:
        base = _record(t.fields, f"{name}")
    else:
        raise ExecutionError(f"Unsupported type for the Avro format: {t.summary()}")
    return ["null", base] if t.nullable else base


def _record(fields: tuple[RowField, ...], name: str) -> dict[str, Any]:
    out = []
    for f in fields:
        avro = _avro_type(f.type, f"{name}_{f.name}")
        entry: dict[str, Any] = {"name": f.name, "type": avro}
        if isinstance(avro, list):
            entry["default"] = None
        out.append(entry)
    return {"type": "record", "name": name, "fields": out}


def table_schema(fields: tuple[RowField, ...]) -> dict[str, Any]:
    """The Avro schema Flink derives for a row of these fields (record 'record' in namespace
    org.apache.flink.avro.generated; nullable columns as a union with null, default null)."""
    schema = _record(fields, RECORD_NAME)
    schema["namespace"] = NAMESPACE
    return schema


def _strip_logical(schema: Any) -> Any:
    """The schema without logical types: fastavro then hands over plain ints, longs and bytes,
    which the converters below turn into flinklite values."""
    if isinstance(schema, list):
        return [_strip_logical(s) for s in schema]
    if isinstance(schema, dict):
        if "logicalType" in schema and schema.get("type") in ("int", "long", "bytes", "string"):
            return schema["type"]
        return {k: _strip_logical(v) for k, v in schema.items() if k != "logicalType"}
    return schema


def parse(schema: Any) -> Any:
    """A fastavro schema, parsed once, without logical types (text or dict accepted)."""
    if isinstance(schema, str):
        schema = json.loads(schema)
    return fastavro.parse_schema(_strip_logical(copy.deepcopy(schema)), named_schemas={})


# --- values ----------------------------------------------------------------------------------


def _reader(t: DataType) -> Callable[[Any], Any] | None:
    """Avro value (logical types stripped) -> flinklite value; None when they are the same."""
    root = t.root
    if root == T.DECIMAL:
        scale = t.scale or 0
        return lambda b: decimal.Decimal(int.from_bytes(b, "big", signed=True)).scaleb(-scale)
    if root == T.TIME:
        return lambda ms: ms * NANOS_PER_MILLI
    if root in T.TIMESTAMPS:
        if (t.precision or 0) > 3:
            return lambda us: us * 1000
        return lambda ms: ms * NANOS_PER_MILLI
    if root in T.BINARY_STRING:
        return bytes
    if root == T.ARRAY:
        inner = _reader(t.elements[0])
        return None if inner is None else (lambda v: [None if x is None else inner(x) for x in v])
    if root == T.MAP:
        inner = _reader(t.elements[1])
        if inner is None:
            return None
        return lambda v: {k: None if x is None else inner(x) for k, x in v.items()}
    if root == T.ROW:
        return _dict_to_row(t.fields)
    return None


def _writer(t: DataType) -> Callable[[Any], Any] | None:
    root = t.root
    if root == T.DECIMAL:
        scale = t.scale or 0

        def unscaled(d: decimal.Decimal) -> bytes:
            n = int(d.scaleb(scale))
            return n.to_bytes((n.bit_length() + 8) // 8 or 1, "big", signed=True)

        return unscaled
    if root == T.TIME:
        return lambda ns: ns // NANOS_PER_MILLI
    if root in T.TIMESTAMPS:
        if (t.precision or 0) > 3:
            return lambda ns: ns // 1000
        return lambda ns: ns // NANOS_PER_MILLI
    if root == T.ARRAY:
        inner = _writer(t.elements[0])
        if inner is None:
            return list  # fastavro takes a tuple in a union for (branch name, value)
        return lambda v: [None if x is None else inner(x) for x in v]
    if root == T.MAP:
        inner = _writer(t.elements[1])
        if inner is None:
            return None
        return lambda v: {k: None if x is None else inner(x) for k, x in v.items()}
    if root == T.ROW:
        return _row_to_dict(t.fields)
    return None


def _dict_to_row(fields: tuple[RowField, ...]) -> Callable[[dict], Row]:
    names = [f.name for f in fields]
    convs = [_reader(f.type) for f in fields]
    if not any(convs):
        return lambda d: tuple(map(d.get, names))
    env: dict[str, Any] = {}
    parts = []
    for i, (name, conv) in enumerate(zip(names, convs, strict=True)):
        if conv is None:
            parts.append(f"d.get({name!r})")
        else:
            env[f"c{i}"] = conv
            parts.append(f"(None if (v := d.get({name!r})) is None else c{i}(v))")
    exec(f"def to_row(d):\n    return ({', '.join(parts)},)\n", env)
    return env["to_row"]


def _row_to_dict(fields: tuple[RowField, ...]) -> Callable[[Row], dict]:
    names = [f.name for f in fields]
    convs = [_writer(f.type) for f in fields]
    if not any(convs):
        return lambda row: dict(zip(names, row, strict=True))
    env: dict[str, Any] = {}
    parts = []
    for i, (name, conv) in enumerate(zip(names, convs, strict=True)):
        if conv is None:
            parts.append(f"{name!r}: r[{i}]")
        else:
            env[f"c{i}"] = conv
            parts.append(f"{name!r}: (None if (v := r[{i}]) is None else c{i}(v))")
    exec(f"def to_dict(r):\n    return {{{', '.join(parts)}}}\n", env)
    return env["to_dict"]


# --- records ---------------------------------------------------------------------------------


class AvroReader:
    """Decodes Avro binary payloads written with `writer` into rows of `fields`, matching
    fields by name (Avro schema resolution) against the table's own schema."""

    def __init__(self, fields: tuple[RowField, ...], writer: Any) -> None:
        if isinstance(writer, str):
            writer = json.loads(writer)
        reader = table_schema(fields)
        if isinstance(writer, dict) and writer.get("type") == "record":
            # Flink reads by field names whatever the writer's record is called; fastavro
            # resolves records only under the same name, so the reader takes the writer's.
            reader["name"] = writer["name"]
            reader.pop("namespace", None)
            if "namespace" in writer:
                reader["namespace"] = writer["namespace"]
        self.reader_schema = parse(reader)
        self.writer_schema = parse(writer)
        self.to_row = _dict_to_row(fields)

    def read(self, data: bytes, offset: int = 0) -> Row:
        """The row of one payload; ValueError when the bytes are not a record of the writer
        schema (truncated, corrupt) or it does not resolve against the table's."""
        stream = io.BytesIO(data)
        if offset:
            stream.seek(offset)
        try:
            record = fastavro.schemaless_reader(stream, self.writer_schema, self.reader_schema)
        except EOFError:
            raise ValueError("Failed to deserialize Avro record: the data ends early") from None
        except (ValueError, IndexError, OverflowError, SchemaResolutionError) as e:
            raise ValueError(f"Failed to deserialize Avro record: {e}") from None
        return self.to_row(record)


class AvroWriter:
    """Encodes rows of `fields` as Avro binary under the table's schema (or a given one)."""

    def __init__(self, fields: tuple[RowField, ...], schema: Any = None) -> None:
        self.schema_json = schema if schema is not None else table_schema(fields)
        self.schema = parse(self.schema_json)
        self.to_dict = _row_to_dict(fields)

    def write(self, row: Row, prefix: bytes = b"") -> bytes:
        stream = io.BytesIO()
        stream.write(prefix)
        fastavro.schemaless_writer(stream, self.schema, self.to_dict(row))
        return stream.getvalue()


def schema_text(schema: Any) -> str:
    return schema if isinstance(schema, str) else json.dumps(schema, separators=(",", ":"))
