"""The StreamsHub generator: the value distributions of the tutorial's Java generator, seeded
reproducibility, and the batch clock (100 sales a second, a millisecond apart)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from flinklite.datagen import BATCH_SIZES, DATA_SETS, TOPICS, StreamsHubGenerator, record_csv


def values(data: str, n: int, seed: int = 7) -> list[tuple[str, ...]]:
    gen = StreamsHubGenerator(data, seed)
    return [gen.next_values() for _ in range(n)]


def test_sales_fields_follow_the_tutorial_generator():
    rows = values("sales", 20000)
    assert all(len(r) == len(DATA_SETS["sales"]) for r in rows)
    invoices, users, products, quantities, costs = zip(*rows, strict=True)
    assert all(re.fullmatch(r"\d{1,19}", i) for i in invoices)
    assert set(users) == {f"user-{i}" for i in range(100)}
    assert set(products) == {str(i) for i in range(200)}
    counts = Counter(quantities)
    assert set(counts) <= {"1", "2", "3", "10", "20", "30"}
    anomalies = sum(counts[q] for q in ("10", "20", "30"))
    assert 10 <= anomalies <= 80  # 0.2% of 20000 is 40
    assert all(c.startswith("£") and 1 <= int(c[1:]) <= 1000 for c in costs)


def test_international_sales_and_click_stream():
    rows = values("internationalSales", 5000)
    assert {r[3] for r in rows} == {"1", "2", "3"}
    assert {r[4][0] for r in rows} == set("€₹₺฿₴₮")
    clicks = values("clickStream", 100)
    assert all(len(c) == 2 and c[0].startswith("user-") for c in clicks)


def test_the_same_seed_gives_the_same_records():
    assert values("sales", 50, seed=3) == values("sales", 50, seed=3)
    assert values("sales", 50, seed=3) != values("sales", 50, seed=4)


def test_batches_of_one_hundred_sales_per_second():
    gen = StreamsHubGenerator("sales", 1, start_ms=1_000_000)
    stamps = [ts for _, ts in gen.take(201)]
    assert stamps[:3] == [1_000_000, 1_000_001, 1_000_002]
    assert stamps[99] == 1_000_099
    assert stamps[100] == 1_001_000  # the next batch, one second later
    assert stamps[200] == 1_002_000
    assert stamps == sorted(stamps)


def test_faster_rates_shrink_the_batch_period():
    gen = StreamsHubGenerator("sales", 1, rows_per_second=10_000, start_ms=0)
    stamps = [ts for _, ts in gen.take(300)]
    assert stamps[100] == 10 and stamps[200] == 20
    assert stamps == sorted(stamps)


def test_topics_batches_and_csv_mode():
    assert TOPICS["sales"] == "flink.sales.records"
    assert BATCH_SIZES == {"sales": 100, "clickStream": 1, "internationalSales": 1}
    assert record_csv(("1", "user-1", "2", "3", "£4")) == "1,user-1,2,3,£4"


def test_unknown_data_set():
    with pytest.raises(ValueError, match="Unknown data type"):
        StreamsHubGenerator("orders")
