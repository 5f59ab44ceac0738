"""flinklite's own 'flinklite-generator' source: the StreamsHub tutorial data sets (sales,
clickStream, internationalSales) produced in-process, so the tutorials run without Kafka.

A flinklite extension (Flink has no such connector). Options:
  'data'            sales | clickStream | internationalSales (required)
  'rows-per-second' records per second; default 100 for sales, 1 for the others
  'number-of-rows'  stop after this many records (the source is then bounded)
  'seed'            seed of the random generator; the same seed gives the same records
  'clock'           real: paced by the wall clock, timestamps are now;
                    simulated: event time advances by the rate, rows come as fast as read
  'start-time'      where the simulated clock starts (ISO timestamp; default: now)
Metadata 'timestamp' (TIMESTAMP_LTZ(3)) is the record's event time, as the Kafka record
timestamp is in the tutorials: `purchase_time TIMESTAMP(3) METADATA FROM 'timestamp'`."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any
from zoneinfo import ZoneInfo

from flinklite.catalog import types as T
from flinklite.connectors.registry import ConnectorFactory, MetadataKey, TableContext
from flinklite.datagen.streamshub import StreamsHubGenerator
from flinklite.options import ConfigOption
from flinklite.runtime.connector import BATCH_SIZE, ScanSpec, Source, Split
from flinklite.runtime.operator import RuntimeContext
from flinklite.runtime.rows import NANOS_PER_MILLI, Row, key_getter

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
    flink_instead=(
        "the tutorial's Kafka table ('connector' = 'kafka' with 'value.format' = "
        "'avro-confluent', as in sql/anomaly_detection_kafka.sql), fed by `flinklite datagen "
        "sales`; or Flink's 'datagen' connector for random rows"
    ),
)


# --- runtime ---------------------------------------------------------------------------------


def parse_start_time(text: str, zone: str = "UTC") -> int:
    """An ISO timestamp to epoch milliseconds; without an offset it is in `zone`."""
    moment = dt.datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC if zone == "UTC" else ZoneInfo(zone))
    return int(moment.timestamp() * 1000)


class _GeneratorSplit(Split):
    name = "generator"

    def __init__(self, source: GeneratorSource) -> None:
        self.source = source

    def position(self) -> Any:
        gen = self.source.generator
        return {"count": gen.count, "random": gen.rng.getstate(), "start_ns": gen.start_ns}

    def poll(self) -> list[Row] | None:
        src = self.source
        gen = src.generator
        count = BATCH_SIZE
        if src.limit is not None:
            count = min(count, src.limit - gen.count)
            if count <= 0:
                return None
        if src.real:
            # Only the batches already due by the wall clock; [] until the next one is.
            now = src.now_ms()
            due = 0
            while due < count and gen.due_ms(gen.count + due) <= now:
                due += gen.batch
            count = min(count, due)
            if count <= 0:
                return []
        return src.rows(gen.take(count))


class GeneratorSource(Source):
    """The 'flinklite-generator' source: one split of records of the chosen data set."""

    def __init__(self, spec: ScanSpec) -> None:
        self.spec = spec
        options = spec.options
        self.data = options["data"]
        self.rate = float(options.get("rows-per-second") or default_rate(self.data))
        self.limit: int | None = options.get("number-of-rows")
        self.bounded = self.limit is not None
        self.seed = options.get("seed")
        self.real = options.get("clock", "real") == "real"
        fields = DATA_SETS[self.data]
        positions = [fields.index(f.name) for f in spec.physical]
        self.project = key_getter(positions)
        self.with_time = any(key == "timestamp" for key, _ in spec.metadata)
        self.now_ms = lambda: time.time_ns() // NANOS_PER_MILLI
        self.generator = StreamsHubGenerator(self.data, self.seed, rows_per_second=self.rate)

    def open(self, ctx: RuntimeContext) -> None:
        super().open(ctx)
        self.now_ms = ctx.now_ms
        start = self.spec.options.get("start-time")
        if self.real or start is None:
            start_ms = ctx.now_ms() if self.real else ctx.now_ms() // 1000 * 1000
        else:
            start_ms = parse_start_time(start, ctx.local_time_zone)
        self.generator = StreamsHubGenerator(
            self.data, self.seed, rows_per_second=self.rate, start_ms=start_ms
        )
        saved = (self.restored or {}).get("generator")
        if saved is not None:  # the same records from where the checkpoint was, same clock
            gen = self.generator
            gen.count, gen.start_ns = saved["count"], saved["start_ns"]
            gen.rng.setstate(saved["random"])

    def rows(self, records: list[tuple[tuple[str, ...], int]]) -> list[Row]:
        project = self.project
        if self.with_time:
            return [project(values) + (ts * NANOS_PER_MILLI,) for values, ts in records]
        return [project(values) for values, _ in records]

    def splits(self) -> list[Split]:
        return [_GeneratorSplit(self)]
