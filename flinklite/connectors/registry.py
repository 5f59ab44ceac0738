"""Connector factories found by the 'connector' option, and table validation as Flink's
FactoryUtil.TableFactoryHelper does it: formats, required and unknown options, values, metadata.

A factory is a declaration (options, format slots, metadata keys, changelog modes) plus an
optional `check` for connector-specific rules. Runtime sources and sinks attach later through
`create_source` / `create_sink` builders registered per identifier."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from flinklite.catalog import types as T
from flinklite.catalog.catalog import ResolvedTable
from flinklite.catalog.schema import Schema
from flinklite.catalog.types import DataType
from flinklite.errors import NO_POS, Pos, ValidationError, did_you_mean
from flinklite.formats.registry import (
    DESERIALIZATION,
    INSERT_ONLY,
    SERIALIZATION,
    FormatFactory,
    MetadataKey,
    format_identifiers,
    get_format,
)
from flinklite.options import ConfigOption, OptionValueError
from flinklite.sql import ast

__all__ = [
    "ConnectorFactory",
    "FormatSlot",
    "MetadataKey",
    "TableContext",
    "ValidatedTable",
    "connector_identifiers",
    "get_connector",
    "option_positions",
    "register_connector",
    "validate_resolved_table",
    "validate_table",
]

DYNAMIC_TABLE_FACTORY = "org.apache.flink.table.factories.DynamicTableFactory"
SOURCE, SINK = "source", "sink"


@dataclass(frozen=True, slots=True)
class FormatSlot:
    """A format option of a connector: 'format', 'key.format' or 'value.format'. The format's
    own options live under '<id>.' or '<prefix>.<id>.' (Flink's FactoryUtil.getFormatPrefix).

    `alternatives` are tried first ('format' stands in for 'value.format' in kafka); `lenient`
    leaves unknown keys under the format's prefix unchecked (filesystem); `discover_first` says
    whether the format is looked up before the connector's own options are validated."""

    key: str
    role: str = "value"
    required: bool = False
    alternatives: tuple[str, ...] = ()
    lenient: bool = False
    discover_first: bool = True

    @staticmethod
    def prefix(format_key: str, identifier: str) -> str:
        if format_key == "format":
            return identifier + "."
        return format_key[: -len("format")] + identifier + "."


@dataclass(slots=True)
class TableContext:
    """What a connector's check sees: the table, its raw and parsed options and its formats."""

    identifier: str  # the table's summary name, e.g. default_catalog.default_database.t
    schema: Schema
    raw: Mapping[str, str]
    mode: str  # SOURCE or SINK
    positions: Mapping[str, Pos]
    table_pos: Pos = NO_POS
    values: dict[str, Any] = field(default_factory=dict)
    formats: dict[str, tuple[str, FormatFactory]] = field(default_factory=dict)  # role -> (key, f)

    def pos(self, key: str | None) -> Pos:
        if key is not None and key in self.positions:
            return self.positions[key]
        return self.table_pos

    def error(
        self, message: str, key: str | None = None, hint: str | None = None
    ) -> ValidationError:
        return ValidationError(message, pos=self.pos(key), hint=hint)

    def present(self, key: str) -> bool:
        return key in self.raw

    def format(self, role: str) -> FormatFactory | None:
        entry = self.formats.get(role)
        return entry[1] if entry else None


Check = Callable[[TableContext], None]


@dataclass(frozen=True, slots=True)
class ConnectorFactory:
    """A connector's declaration, Flink's DynamicTableFactory as data."""

    identifier: str
    required: tuple[ConfigOption, ...] = ()
    optional: tuple[ConfigOption, ...] = ()
    skip_prefixes: tuple[str, ...] = ()  # passed through unchecked, e.g. kafka's 'properties.'
    format_slots: tuple[FormatSlot, ...] = ()
    source: bool = True
    sink: bool = True
    readable_metadata: tuple[MetadataKey, ...] = ()
    writable_metadata: tuple[MetadataKey, ...] = ()
    format_metadata_prefix: str | None = None  # value-format metadata keys appear with it
    source_changelog: tuple[str, ...] | None = INSERT_ONLY  # None: the value format's mode
    sink_changelog: tuple[str, ...] = INSERT_ONLY
    requires_primary_key: bool = False
    source_class: str = ""  # the runtime class, a dotted Python path
    sink_class: str = ""
    # Flink's class names, which Flink's messages quote (empty: the runtime class's path)
    flink_source_class: str = ""
    flink_sink_class: str = ""
    dynamic_options: Callable[[TableContext], tuple[ConfigOption, ...]] | None = None
    check: Check | None = None
    description: str = ""
    # What Flink users write instead, for a connector of flinklite's own (Flink has no such
    # connector): `flinklite check` and EXPLAIN say it. Empty for Flink's connectors.
    flink_instead: str = ""

    def options_for(self, ctx: TableContext) -> tuple[ConfigOption, ...]:
        dynamic = self.dynamic_options(ctx) if self.dynamic_options else ()
        return self.required + self.optional + dynamic

    def changelog_mode(self, mode: str, value_format: FormatFactory | None) -> tuple[str, ...]:
        if mode == SINK:
            return self.sink_changelog
        if self.source_changelog is not None:
            return self.source_changelog
        return value_format.changelog if value_format else INSERT_ONLY


@dataclass(frozen=True, slots=True)
class ValidatedTable:
    """The outcome of validation: the factory, parsed options (defaults filled in) and the
    formats per role ('key' / 'value') with their parsed options."""

    factory: ConnectorFactory
    mode: str
    options: dict[str, Any]
    formats: dict[str, tuple[FormatFactory, dict[str, Any]]]
    changelog: tuple[str, ...]


# ---------------------------------------------------------------------------------------------
# Registry

_MODULES = ("kafka", "upsert_kafka", "filesystem", "datagen", "print_", "blackhole", "generator")
_CONNECTORS: dict[str, ConnectorFactory] = {}


def _load() -> dict[str, ConnectorFactory]:
    if not _CONNECTORS:
        for name in _MODULES:
            module = importlib.import_module(f"flinklite.connectors.{name}")
            _CONNECTORS[module.FACTORY.identifier] = module.FACTORY
    return _CONNECTORS


def register_connector(factory: ConnectorFactory) -> None:
    _load()[factory.identifier] = factory


def get_connector(identifier: str) -> ConnectorFactory | None:
    return _load().get(identifier)


def connector_identifiers() -> list[str]:
    return sorted(_load())


def option_positions(stmt: ast.CreateTable | None) -> dict[str, Pos]:
    """Where each WITH option was written, so errors can point at it."""
    return {p.key: p.pos for p in stmt.options} if stmt is not None else {}


# ---------------------------------------------------------------------------------------------
# Validation


def validate_resolved_table(table: ResolvedTable, *, mode: str = SOURCE) -> ValidatedTable:
    """validate_table for a catalog table, pointing errors into its CREATE TABLE if it has one."""
    stmt = table.source
    return validate_table(
        table.schema,
        table.options,
        option_positions(stmt),
        mode=mode,
        identifier=table.identifier.summary(),
        table_pos=stmt.pos if stmt is not None else NO_POS,
    )


def validate_table(
    schema: Schema,
    options: Mapping[str, str],
    positions: Mapping[str, Pos] | None = None,
    *,
    mode: str = SOURCE,
    identifier: str = "",
    table_pos: Pos = NO_POS,
) -> ValidatedTable:
    """Checks a table's options and metadata columns for use as a source or a sink, in the order
    and with the messages of Flink; raises ValidationError at the offending option's position."""
    ctx = TableContext(identifier, schema, dict(options), mode, positions or {}, table_pos)
    factory = _find_factory(ctx)
    consumed: set[str] = {"connector"}
    supported: set[str] = {"connector"}
    format_values: dict[str, dict[str, Any]] = {}
    for slot in factory.format_slots:
        if slot.discover_first:
            _discover_format(ctx, slot, consumed, supported, format_values)
    declared = factory.options_for(ctx)
    # Like Flink's validateExcept('<format>.'): a lenient format's own keys are left to it.
    lenient = tuple(
        FormatSlot.prefix(s.key, ctx.raw[s.key])
        for s in factory.format_slots
        if s.lenient and s.key in ctx.raw
    )
    _validate_options(ctx, factory, declared, consumed, supported, lenient)
    for slot in factory.format_slots:
        if not slot.discover_first:
            _discover_format(ctx, slot, consumed, supported, format_values)
    if factory.check is not None:
        factory.check(ctx)
    _validate_metadata(ctx, factory)
    value_format = ctx.format("value")
    return ValidatedTable(
        factory,
        mode,
        dict(ctx.values),
        {role: (f, format_values[role]) for role, (_, f) in ctx.formats.items()},
        factory.changelog_mode(mode, value_format),
    )


def _find_factory(ctx: TableContext) -> ConnectorFactory:
    name = ctx.raw.get("connector")
    if name is None:
        raise ctx.error(
            "Table options do not contain an option key 'connector' for discovering a connector."
        )
    factory = get_connector(name)
    if factory is None:
        available = "\n".join(connector_identifiers())
        raise ctx.error(
            f"Could not find any factory for identifier '{name}' that implements "
            f"'{DYNAMIC_TABLE_FACTORY}' in the classpath.\n\n"
            f"Available factory identifiers are:\n\n{available}",
            "connector",
            did_you_mean(name, connector_identifiers()),
        )
    if ctx.mode == SOURCE and not factory.source:
        raise ctx.error(
            f"Connector '{name}' can only be used as a sink. It cannot be used as a source.",
            "connector",
        )
    if ctx.mode == SINK and not factory.sink:
        raise ctx.error(
            f"Connector '{name}' can only be used as a source. It cannot be used as a sink.",
            "connector",
        )
    return factory


def _raw_value(ctx: TableContext, opt: ConfigOption) -> tuple[str, str] | None:
    for key in (opt.key, *opt.deprecated_keys):
        if key in ctx.raw:
            return key, ctx.raw[key]
    return None


def _parse(ctx: TableContext, opt: ConfigOption, key: str, raw: str, shown_key: str) -> Any:
    try:
        return opt.parse(raw)
    except OptionValueError as e:
        raise ctx.error(f"Invalid value for option '{shown_key}'.\n{e}", key) from None


def _missing(keys: list[str]) -> str:
    return "One or more required options are missing.\n\nMissing required options are:\n\n" + (
        "\n".join(sorted(keys))
    )


def _validate_options(
    ctx: TableContext,
    factory: ConnectorFactory,
    declared: tuple[ConfigOption, ...],
    consumed: set[str],
    supported: set[str],
    lenient_prefixes: tuple[str, ...] = (),
) -> None:
    required_keys = {o.key for o in factory.required}
    missing = [o.key for o in declared if o.key in required_keys and _raw_value(ctx, o) is None]
    if missing:
        raise ctx.error(_missing(missing))
    for opt in declared:
        supported.add(opt.key)
        supported.update(f"{k} (deprecated)" for k in opt.deprecated_keys)
        found = _raw_value(ctx, opt)
        if found is not None:
            ctx.values[opt.key] = _parse(ctx, opt, found[0], found[1], opt.key)
        elif opt.default is not None:
            ctx.values[opt.key] = opt.default
        for key in ctx.raw:
            if opt.matches(key):
                consumed.add(key)
                if opt.prefix_map:
                    supported.add(key)
    for key in ctx.raw:
        if any(key.startswith(p) for p in factory.skip_prefixes + lenient_prefixes):
            consumed.add(key)
            supported.add(key)
    unsupported = sorted(k for k in ctx.raw if k not in consumed)
    if unsupported:
        listed = sorted(supported)
        raise ctx.error(
            f"Unsupported options found for '{factory.identifier}'.\n\n"
            f"Unsupported options:\n\n{chr(10).join(unsupported)}\n\n"
            f"Supported options:\n\n{chr(10).join(listed)}",
            unsupported[0],
            did_you_mean(unsupported[0], [s for s in listed if "(" not in s]),
        )


def _discover_format(
    ctx: TableContext,
    slot: FormatSlot,
    consumed: set[str],
    supported: set[str],
    format_values: dict[str, dict[str, Any]],
) -> None:
    key = next((k for k in (*slot.alternatives, slot.key) if k in ctx.raw), None)
    decoding = ctx.mode == SOURCE
    if key is None:
        if slot.required:
            kind = "scan" if decoding else "sink"
            raise ctx.error(f"Could not find required {kind} format '{slot.key}'.")
        supported.update((slot.key, *slot.alternatives))
        return
    consumed.add(key)
    supported.update((slot.key, *slot.alternatives))
    identifier = ctx.raw[key]
    fmt = get_format(identifier)
    if fmt is None or not (fmt.decodes if decoding else fmt.encodes):
        kinds = format_identifiers(decoding=True) if decoding else format_identifiers(encoding=True)
        interface = DESERIALIZATION if decoding else SERIALIZATION
        raise ctx.error(
            f"Could not find any format factory for identifier '{identifier}' in the "
            f"classpath.\n\nAvailable format identifiers ({interface.rsplit('.', 1)[-1]}) "
            f"are:\n\n{chr(10).join(kinds)}",
            key,
            did_you_mean(identifier, kinds),
        )
    prefix = FormatSlot.prefix(key, identifier)
    projected = {k[len(prefix) :]: k for k in ctx.raw if k.startswith(prefix)}
    missing = [o.key for o in fmt.required if o.key not in projected]
    if missing:
        raise ctx.error(
            _missing(missing),
            key,
            f"the options of format '{identifier}' are written with the prefix '{prefix}', "
            f"e.g. '{prefix}{missing[0]}'",
        )
    values: dict[str, Any] = {o.key: o.default for o in fmt.options if o.default is not None}
    for local, full in projected.items():
        opt = fmt.option(local)
        if opt is None:
            if slot.lenient:
                consumed.add(full)
            continue
        consumed.add(full)
        if opt.prefix_map:
            supported.add(full)
        values[local] = _parse(ctx, opt, full, ctx.raw[full], full)
    supported.update(prefix + o.key for o in fmt.options if not o.prefix_map)
    if fmt.check is not None:
        try:
            fmt.check(values, prefix)
        except ValidationError as e:
            if e.pos is None:
                e.pos = ctx.pos(key)
            raise
    ctx.formats[slot.role] = (key, fmt)
    format_values[slot.role] = values


# ---------------------------------------------------------------------------------------------
# Metadata columns


def _available_metadata(ctx: TableContext, factory: ConnectorFactory) -> dict[str, DataType]:
    if ctx.mode == SINK:
        return {m.key: m.type for m in factory.writable_metadata}
    keys: dict[str, DataType] = {}
    value_format = ctx.format("value")
    if value_format is not None and factory.format_metadata_prefix is not None:
        for m in value_format.readable_metadata:
            keys[factory.format_metadata_prefix + m.key] = m.type
    keys.update((m.key, m.type) for m in factory.readable_metadata)
    return keys


def _validate_metadata(ctx: TableContext, factory: ConnectorFactory) -> None:
    columns = [c for c in ctx.schema.metadata_columns if ctx.mode == SOURCE or c.is_persisted]
    if not columns:
        return
    available = _available_metadata(ctx, factory)
    if not available:
        if ctx.mode == SOURCE:
            message = (
                f"Table '{ctx.identifier}' declares metadata columns, but the underlying "
                "DynamicTableSource doesn't implement the SupportsReadingMetadata interface. "
                "Therefore, metadata cannot be read from the given source."
            )
        else:
            message = (
                f"Table '{ctx.identifier}' declares persistable metadata columns, but the "
                "underlying DynamicTableSink doesn't implement the SupportsWritingMetadata "
                "interface. If the column should not be persisted, it can be declared with the "
                "VIRTUAL keyword."
            )
        raise ValidationError(message, pos=columns[0].pos or ctx.table_pos)
    reading = ctx.mode == SOURCE
    for col in columns:
        key = col.metadata_key
        expected = available.get(key)
        pos = col.pos if col.pos.line > 0 else ctx.table_pos
        if expected is None:
            kind, cls = (
                ("Source", factory.flink_source_class or factory.source_class)
                if reading
                else ("Sink", factory.flink_sink_class or factory.sink_class)
            )
            raise ValidationError(
                f"Invalid metadata key '{key}' in column '{col.name}' of table "
                f"'{ctx.identifier}'. The DynamicTable{kind} class '{cls}' supports the following "
                f"metadata keys for {'reading' if reading else 'writing'}:\n"
                + "\n".join(available),
                pos=pos,
                hint=did_you_mean(key, list(available)),
            )
        ok = castable(expected, col.type) if reading else castable(col.type, expected)
        if not ok:
            direction = "from" if reading else "to"
            with_key = "" if key == col.name else f" with metadata key '{key}'"
            raise ValidationError(
                f"Invalid data type for metadata column '{col.name}'{with_key} of table "
                f"'{ctx.identifier}'. The column cannot be declared as "
                f"'{col.type.without_time_attribute().summary()}' because the type must be "
                f"castable {direction} metadata type '{expected.summary()}'.",
                pos=pos,
            )


_CAST_TO_STRING_FROM = T.NUMERIC | T.DATETIME | T.INTERVALS | T.CHARACTER_STRING | T.BINARY_STRING
_CAST_TO_STRING_FROM |= {T.BOOLEAN, T.ARRAY, T.MAP, T.MULTISET, T.ROW, T.NULL}


def castable(source: DataType, target: DataType) -> bool:
    """Whether Flink supports an explicit CAST from `source` to `target` (nullability aside)."""
    s, t = source.root, target.root
    if s == T.NULL or s == t and s not in T.CONSTRUCTED:
        return True
    if t in T.CHARACTER_STRING:
        return s in _CAST_TO_STRING_FROM
    if s in T.CHARACTER_STRING:
        return t in T.NUMERIC | T.DATETIME | T.BINARY_STRING | {T.BOOLEAN} | T.INTERVALS
    if s in T.NUMERIC | {T.BOOLEAN}:
        return t in T.NUMERIC | {T.BOOLEAN} or (t == T.TIMESTAMP_LTZ and s in T.INTEGER_NUMERIC)
    if s in T.BINARY_STRING:
        return t in T.BINARY_STRING
    if s in T.TIMESTAMPS:
        return t in T.TIMESTAMPS | {T.DATE, T.TIME} or (t in T.NUMERIC and s == T.TIMESTAMP_LTZ)
    if s == T.DATE:
        return t in T.TIMESTAMPS
    if s == T.TIME:
        return t in T.TIMESTAMPS
    if s == t and s in (T.ARRAY, T.MULTISET):
        return castable(source.elements[0], target.elements[0])
    if s == t == T.MAP:
        return all(castable(a, b) for a, b in zip(source.elements, target.elements, strict=True))
    if s == t == T.ROW:
        return len(source.fields) == len(target.fields) and all(
            castable(a.type, b.type) for a, b in zip(source.fields, target.fields, strict=True)
        )
    return False
