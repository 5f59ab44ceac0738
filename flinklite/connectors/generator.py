"""flinklite's own 'flinklite-generator' source: the StreamsHub tutorial data sets (sales,
clickStream, internationalSales) produced in-process, so the tutorials run without Kafka."""

from __future__ import annotations

import datetime as dt

from flinklite.catalog import types as T
from flinklite.connectors.registry import ConfigOption, ConnectorFactory, MetadataKey, TableContext

IDENTIFIER = "flinklite-generator"

# The fields each data set has (the Avro records of the StreamsHub generator), all STRING.
DATA_SETS: dict[str, tuple[str, ...]] = {
    "sales": ("invoice_id", "user_id", "product_id", "quantity", "unit_cost"),
    "clickStream": ("user_id", "product_id"),
    "internationalSales": ("invoice_id", "user_id", "product_id", "quantity", "unit_cost"),
}
# StreamsHub sends sales in batches of 100 per second and the other two one at a time.
DEFAULT_RATE = {"sales": 100, "clickStream": 1, "internationalSales": 1}

DATA = ConfigOption("data", "enum", None, tuple(DATA_SETS), "The data set to generate.")
OPTIONAL = (
    ConfigOption("rows-per-second", "int", description="Rows per second; per data set default."),
    ConfigOption("number-of-rows", "long", description="Stop after this many rows."),
    ConfigOption("seed", "long", description="Seed of the random generators; unset: random."),
    ConfigOption(
        "clock",
        "enum",
        "real",
        ("real", "simulated"),
        "real: paced by the wall clock; simulated: event time advances per the rate, rows come "
        "as fast as they are consumed.",
    ),
    ConfigOption("start-time", description="ISO timestamp the simulated clock starts at."),
)
METADATA = (MetadataKey("timestamp", T.timestamp_ltz(3, nullable=False)),)


def default_rate(data: str) -> int:
    return DEFAULT_RATE[data]


def check(ctx: TableContext) -> None:
    data = ctx.values["data"]
    fields = DATA_SETS[data]
    for col in ctx.schema.physical_columns:
        if col.name not in fields:
            raise ctx.error(
                f"Column '{col.name}' is not a field of the '{data}' data set. Its fields are: "
                f"[{', '.join(fields)}]."
            )
    rate = ctx.values.get("rows-per-second")
    if rate is not None and rate <= 0:
        raise ctx.error("Option 'rows-per-second' must be a positive number.", "rows-per-second")
    count = ctx.values.get("number-of-rows")
    if count is not None and count < 0:
        raise ctx.error("Option 'number-of-rows' must not be negative.", "number-of-rows")
    start = ctx.raw.get("start-time")
    if start is not None:
        try:
            dt.datetime.fromisoformat(start)
        except ValueError:
            raise ctx.error(
                f"Invalid value for option 'start-time'.\nCould not parse '{start}' as an ISO "
                "timestamp such as '2025-07-10T14:00:00' or '2025-07-10 14:00:00.000Z'.",
                "start-time",
            ) from None
    ctx.values.setdefault("rows-per-second", default_rate(data))


FACTORY = ConnectorFactory(
    IDENTIFIER,
    required=(DATA,),
    optional=OPTIONAL,
    sink=False,
    readable_metadata=METADATA,
    source_class="flinklite.connectors.generator.GeneratorSource",
    check=check,
    description="Generates the StreamsHub tutorial data sets in-process (a flinklite extension).",
)
