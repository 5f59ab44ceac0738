"""The 'datagen' connector's declaration: Flink's random and sequence data generator, whose
per-column options (`fields.<column>.<option>`) depend on each physical column's type."""

from __future__ import annotations

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType
from flinklite.connectors.registry import ConnectorFactory, TableContext
from flinklite.options import ConfigOption

KINDS = ("random", "sequence")

# Options of a random generator by type root; every kind also takes `null-rate`.
_RANDOM_BY_ROOT: dict[str, tuple[str, ...]] = {
    **{root: ("min", "max") for root in T.NUMERIC},
    **{root: ("length", "var-len") for root in T.CHARACTER_STRING | T.BINARY_STRING},
    **{root: ("max-past",) for root in T.TIMESTAMPS},
    **{root: ("length",) for root in (T.ARRAY, T.MULTISET, T.MAP)},
}
_OPTION_TYPES = {
    "length": "int",
    "var-len": "boolean",
    "max-past": "duration",
    "null-rate": "double",
    "start": "long",
    "end": "long",
}


def _field_key(column: str, option: str) -> str:
    return f"fields.{column}.{option}"


def _bound_type(t: DataType) -> str:
    return "long" if t.is_integer else "double"


def _kind(ctx: TableContext, column: str) -> str:
    key = _field_key(column, "kind")
    kind = ctx.raw.get(key, "random")
    if kind not in KINDS:
        raise ctx.error(f"Unsupported generator kind: {kind}", key)
    return kind


def field_options(ctx: TableContext) -> tuple[ConfigOption, ...]:
    """The options each physical column offers, given its type and generator kind."""
    options: list[ConfigOption] = []
    for col in ctx.schema.physical_columns:
        kind = _kind(ctx, col.name)
        names = ("start", "end") if kind == "sequence" else _RANDOM_BY_ROOT.get(col.type.root, ())
        options.append(ConfigOption(_field_key(col.name, "kind"), "enum", "random", KINDS))
        for name in (*names, "null-rate"):
            opt_type = _OPTION_TYPES.get(name) or _bound_type(col.type)
            if name in ("start", "end") and not col.type.is_integer:
                opt_type = _bound_type(col.type) if col.type.is_numeric else "string"
            options.append(ConfigOption(_field_key(col.name, name), opt_type))
    return tuple(options)


def check(ctx: TableContext) -> None:
    """DataGenTableSourceFactory.validateFieldOptions and the sequence generator's bounds."""
    for col in ctx.schema.physical_columns:
        name, t = col.name, col.type
        if _kind(ctx, name) == "sequence":
            for bound in ("start", "end"):
                key = _field_key(name, bound)
                if key not in ctx.raw:
                    raise ctx.error(
                        f"Could not find required property '{key}' for sequence generator.",
                        _field_key(name, "kind"),
                    )
            continue
        var_len = _field_key(name, "var-len")
        if ctx.values.get(var_len) and t.root not in (T.VARCHAR, T.VARBINARY):
            raise ctx.error(
                "Only supports specifying 'fields.#.var-len' option for variable-length types "
                f"(VARCHAR/STRING/VARBINARY/BYTES). The type of field '{name}' is not within this "
                "range.",
                var_len,
            )
        length_key = _field_key(name, "length")
        length = ctx.values.get(length_key)
        if length is None:
            continue
        if t.root in (T.CHAR, T.BINARY):
            raise ctx.error(
                f"Custom length for fixed-length type (CHAR/BINARY) field '{name}' is not "
                "supported.",
                length_key,
            )
        if t.root in (T.VARCHAR, T.VARBINARY) and length > (t.length or 0):
            raise ctx.error(
                f"Custom length '{length}' for variable-length type (VARCHAR/STRING/VARBINARY/"
                f"BYTES) field '{name}' should be shorter than '{t.length}' defined in the schema.",
                length_key,
            )


FACTORY = ConnectorFactory(
    "datagen",
    optional=(
        ConfigOption("rows-per-second", "long", 10000),
        ConfigOption("number-of-rows", "long"),
        ConfigOption("scan.parallelism", "int"),
    ),
    sink=False,
    dynamic_options=field_options,
    check=check,
    source_class="flinklite.connectors.datagen_source.DataGenSource",
    description="Generates random or sequential rows.",
)
