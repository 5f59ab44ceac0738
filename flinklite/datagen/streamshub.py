"""The StreamsHub tutorial data generator (flink-sql-examples' data-generator) in Python: the
same fields, value distributions, batch sizes and topics, seedable, with event timestamps.

Each data set owns its random generator, as in the Java original. Timestamps follow a clock
that advances one batch period per batch (100 sales a second by default); records inside a
batch are a millisecond apart, like the synchronous sends of the original."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from flinklite.runtime.rows import NANOS_PER_MILLI

# Field names in the order of the Flink tables (and of the generator's CSV mode).
DATA_SETS: dict[str, tuple[str, ...]] = {
    "sales": ("invoice_id", "user_id", "product_id", "quantity", "unit_cost"),
    "clickStream": ("user_id", "product_id"),
    "internationalSales": ("invoice_id", "user_id", "product_id", "quantity", "unit_cost"),
}
# Records per batch; the original sends one batch of each data set and sleeps a second.
BATCH_SIZES = {"sales": 100, "clickStream": 1, "internationalSales": 1}
TOPICS = {
    "sales": "flink.sales.records",
    "clickStream": "flink.click.streams",
    "internationalSales": "flink.international.sales.records",
}
USERS = 100
PRODUCTS = 200
_CURRENCIES = "€₹₺฿₴₮"
_LONG_MIN = -(2**63)


@dataclass(frozen=True, slots=True)
class Record:
    """One generated record: its values (all strings, in DATA_SETS order) and its event time
    in epoch milliseconds (the Kafka record timestamp of the original)."""

    values: tuple[str, ...]
    timestamp_ms: int


def _invoice(rng: random.Random) -> str:
    # String.valueOf(Math.abs(random.nextLong())): Long.MIN_VALUE stays negative.
    value = rng.getrandbits(64) - (1 << 63)
    return str(value if value == _LONG_MIN else abs(value))


class StreamsHubGenerator:
    """Records of one data set. `next_values()` draws the next record's values; `records()`
    yields timestamped Records on the generator's clock.

    `rows_per_second` sets the clock: a batch of BATCH_SIZES[data] records every
    batch/rows_per_second seconds, starting at `start_ms`."""

    def __init__(
        self,
        data: str,
        seed: int | None = None,
        *,
        rows_per_second: float | None = None,
        start_ms: int = 0,
    ) -> None:
        if data not in DATA_SETS:
            raise ValueError(f"Unknown data type {data}")
        self.data = data
        self.fields = DATA_SETS[data]
        self.rng = random.Random(seed)
        self.batch = BATCH_SIZES[data]
        rate = rows_per_second or self.batch
        self.period_ns = int(self.batch * 1_000_000_000 / rate)
        # Sends inside a batch are about a millisecond apart, never beyond the batch period.
        self.step_ns = min(NANOS_PER_MILLI, self.period_ns // self.batch)
        self.start_ns = start_ms * NANOS_PER_MILLI
        self.count = 0
        self.next_values = {
            "sales": self._sales,
            "clickStream": self._click,
            "internationalSales": self._international,
        }[data]

    # --- the field generators of SalesData, ClickStreamData, InternationalSalesData ----------

    def _sales(self) -> tuple[str, ...]:
        r = self.rng
        invoice = _invoice(r)
        user = f"user-{r.randrange(USERS)}"
        product = str(r.randrange(PRODUCTS))
        multiplier = 10 if r.randrange(self.batch * 10) < 2 else 1
        quantity = str((1 + r.randrange(3)) * multiplier)
        return invoice, user, product, quantity, f"£{r.randrange(1000) + 1}"

    def _click(self) -> tuple[str, ...]:
        r = self.rng
        return f"user-{r.randrange(USERS)}", str(r.randrange(PRODUCTS))

    def _international(self) -> tuple[str, ...]:
        r = self.rng
        invoice = _invoice(r)
        user = f"user-{r.randrange(USERS)}"
        product = str(r.randrange(PRODUCTS))
        quantity = str(r.randrange(3) + 1)
        cost = f"{r.choice(_CURRENCIES)}{r.randrange(1000) + 1}"
        return invoice, user, product, quantity, cost

    # --- the clock --------------------------------------------------------------------------

    def timestamp_ms(self, index: int) -> int:
        """The event time of the index-th record (0-based) on the generator's clock."""
        batch, position = divmod(index, self.batch)
        return (self.start_ns + batch * self.period_ns + position * self.step_ns) // NANOS_PER_MILLI

    def due_ms(self, index: int) -> int:
        """When the index-th record is sent: the start of its batch."""
        return (self.start_ns + (index // self.batch) * self.period_ns) // NANOS_PER_MILLI

    def take(self, n: int) -> list[tuple[tuple[str, ...], int]]:
        """The next n records as (values, timestamp ms) pairs."""
        make, stamp, first = self.next_values, self.timestamp_ms, self.count
        self.count += n
        return [(make(), stamp(i)) for i in range(first, first + n)]

    def records(self, limit: int | None = None) -> Iterator[Record]:
        while limit is None or self.count < limit:
            values, ts = self.take(1)[0]
            yield Record(values, ts)


def record_csv(values: tuple[str, ...]) -> str:
    """A record as the generator's CSV mode writes it: fields joined by ',' without quoting."""
    return ",".join(values)
