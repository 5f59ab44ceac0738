"""Writes the golden cases' input files into tests/golden/data/, deterministically.

Small hand-written tables are listed here verbatim; the tutorial-shaped streams are drawn from a
seeded generator that follows the StreamsHub data generator's field rules. Run it after changing
a table, then regenerate the expected outputs of the cases that read it (see README.md).
The copies of the oracle's example files (sales_*.csv, sales_small.jsonl) and of the
recommendation app's product_inventory.csv are committed as they are and not written here.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

START = datetime(2024, 6, 28, 13, 1, 50)


def _ts(t: datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M:%S.") + f"{t.microsecond // 1000:03d}"


def tutorial_sales(rng: random.Random, rows: int = 80) -> list[str]:
    """Sales records shaped like the tutorial generator's CSV mode, plus a purchase_time column.

    Ten users (so each has a few sales), products 0..24 (so they meet the inventory table) and
    three anomalous quantities at fixed positions.
    """
    out, t = [], START
    for i in range(rows):
        t += timedelta(milliseconds=rng.randint(50, 400))
        quantity = rng.randint(1, 3) * (10 if i in (17, 41, 66) else 1)
        out.append(
            ",".join(
                [
                    str(rng.getrandbits(63)),
                    f"user-{rng.randrange(10)}",
                    str(rng.randrange(25)),
                    str(quantity),
                    f"£{rng.randint(1, 1000)}",
                    _ts(t),
                ]
            )
        )
    return out


def clicks(rng: random.Random, rows: int = 30) -> list[str]:
    """Click-stream records (user_id, product_id, event_time), event time ascending."""
    out, t = [], START + timedelta(milliseconds=100)
    for _ in range(rows):
        t += timedelta(milliseconds=rng.randint(150, 700))
        out.append(f"user-{rng.randrange(10)},{rng.randrange(25)},{_ts(t)}")
    return out


def international_sales(rng: random.Random, rows: int = 40) -> list[str]:
    """International sales: unit_cost carries one of the generator's currency symbols, and now
    and then a '$' the tutorial's CASE expression does not know."""
    symbols = ["€", "₹", "₺", "฿", "₴", "₮", "$"]
    out, t = [], START
    for _ in range(rows):
        t += timedelta(milliseconds=rng.randint(50, 400))
        out.append(
            ",".join(
                [
                    str(rng.getrandbits(63)),
                    f"user-{rng.randrange(10)}",
                    str(rng.randrange(25)),
                    str(rng.randint(1, 3)),
                    f"{rng.choice(symbols)}{rng.randint(1, 1000)}",
                    _ts(t),
                ]
            )
        )
    return out


EVENTS = [
    {"id": 1, "grp": "a", "v": 10, "d": 1.5, "price": 10.10, "flag": True, "ts": "00:00:01.000"},
    {"id": 2, "grp": "b", "v": 20, "d": None, "price": 20.20, "flag": False, "ts": "00:00:02.000"},
    {"id": 3, "grp": None, "v": 30, "d": 3.5, "price": None, "flag": None, "ts": "00:00:03.000"},
    {"id": 4, "grp": "a", "v": None, "d": 4.5, "price": 5.55, "flag": True, "ts": "00:00:04.000"},
    {"id": 5, "grp": "b", "v": 5, "d": None, "price": None, "flag": False, "ts": "00:00:05.000"},
    {"id": 6, "grp": None, "v": None, "d": None, "price": None, "flag": None, "ts": "00:00:06.000"},
    {"id": 7, "grp": "c", "v": 7, "d": 7.25, "price": 7.77, "flag": True, "ts": "00:00:07.000"},
    {"id": 8, "grp": "a", "v": -8, "d": -1.0, "price": -8.80, "flag": False, "ts": "00:00:08.000"},
]

GROUPS = [
    {"grp": "a", "label": "alpha"},
    {"grp": "b", "label": "beta"},
    {"grp": None, "label": "nothing"},
    {"grp": "d", "label": "delta"},
]

ORDERS = """\
101,1,19.99,2024-01-01 10:00:00.000
102,2,5.00,2024-01-01 10:00:01.000
103,1,42.50,2024-01-01 10:00:02.000
104,4,7.25,2024-01-01 10:00:03.000
105,3,100.00,2024-01-01 10:00:04.000
106,2,0.99,2024-01-01 10:00:05.000
107,5,12.00,2024-01-01 10:00:06.000
108,1,3.30,2024-01-01 10:00:07.000
"""

CUSTOMERS = """\
1,Alice,UK
2,Bob,FR
3,Chen,UK
6,Dana,DE
"""

# In event-time order, with gaps for sessions (gap 4 s) and rows on window boundaries.
READINGS = """\
s1,1,2024-01-01 00:00:00.500
s2,5,2024-01-01 00:00:01.000
s1,2,2024-01-01 00:00:02.000
s1,3,2024-01-01 00:00:04.900
s2,6,2024-01-01 00:00:05.000
s3,9,2024-01-01 00:00:07.250
s1,4,2024-01-01 00:00:09.999
s2,7,2024-01-01 00:00:10.000
s1,5,2024-01-01 00:00:12.000
s3,8,2024-01-01 00:00:19.000
s2,3,2024-01-01 00:00:25.000
s1,6,2024-01-01 00:00:26.000
s1,7,2024-01-01 00:00:31.500
s2,2,2024-01-01 00:00:32.000
s3,1,2024-01-01 00:00:45.000
"""

# Out of order under a 2 s watermark delay: rows 3, 5, 8 and 11 are out of order but in time
# for a 5 s tumbling window; rows 7 and 13 arrive after their window fired.
READINGS_OOO = """\
s1,1,2024-01-01 00:00:01.000
s1,2,2024-01-01 00:00:03.000
s2,3,2024-01-01 00:00:02.000
s1,4,2024-01-01 00:00:06.000
s2,5,2024-01-01 00:00:04.500
s1,6,2024-01-01 00:00:11.000
s2,7,2024-01-01 00:00:03.000
s1,8,2024-01-01 00:00:08.000
s2,9,2024-01-01 00:00:12.500
s1,10,2024-01-01 00:00:16.000
s2,11,2024-01-01 00:00:10.500
s1,12,2024-01-01 00:00:22.000
s2,13,2024-01-01 00:00:14.000
s1,14,2024-01-01 00:00:23.000
"""

NUMBERS = """\
1,7,10000000000,2.5,12.345,7
2,-7,-3,-2.5,-0.005,-7
3,0,0,0.0,0.000,0
4,2147483647,9223372036854775807,1.0E20,9999999.999,3.5
5,123,456,0.1,1.005,x1
6,-2147483648,-9223372036854775808,-1.0E-5,-12.500,16
"""

TEXTS = [
    {"id": 1, "s": "Hello World", "t": "hello"},
    {"id": 2, "s": "  padded  ", "t": "PAD"},
    {"id": 3, "s": "a,b,c", "t": ","},
    {"id": 4, "s": "", "t": "empty"},
    {"id": 5, "s": None, "t": None},
    {"id": 6, "s": "Ünïcödé £12", "t": "£"},
    {"id": 7, "s": "flink-sql 2.3", "t": "sql"},
]

TIMES = [
    {
        "id": 1,
        "ts": "2024-01-01 00:00:00.000",
        "ts6": "2024-01-01 00:00:00.000000",
        "dt": "2024-01-01",
        "tm": "00:00:00",
    },
    {
        "id": 2,
        "ts": "2024-02-29 13:45:30.120",
        "ts6": "2024-02-29 13:45:30.123456",
        "dt": "2024-02-29",
        "tm": "13:45:30",
    },
    {
        "id": 3,
        "ts": "2023-12-31 23:59:59.999",
        "ts6": "2023-12-31 23:59:59.999999",
        "dt": "2023-12-31",
        "tm": "23:59:59",
    },
    {
        "id": 4,
        "ts": "1969-07-20 20:17:40.500",
        "ts6": "1969-07-20 20:17:40.000001",
        "dt": "1969-07-20",
        "tm": "20:17:40",
    },
    {"id": 5, "ts": None, "ts6": None, "dt": None, "tm": None},
]

BAD_INT = "a,1\nb,\nc,3\n"


def _write_lines(name: str, lines: list[str]) -> None:
    (DATA / name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def _write_jsonl(name: str, rows: list[dict]) -> None:
    _write_lines(name, [json.dumps(r, ensure_ascii=False) for r in rows])


def main() -> None:
    DATA.mkdir(exist_ok=True)
    _write_lines("tutorial_sales.csv", tutorial_sales(random.Random(2024)))
    _write_lines("clicks.csv", clicks(random.Random(7)))
    _write_lines("international_sales.csv", international_sales(random.Random(11)))
    events = [dict(e, ts="2024-01-01 " + e["ts"]) for e in EVENTS]
    _write_jsonl("events.jsonl", events)
    _write_jsonl("groups.jsonl", GROUPS)
    _write_jsonl("texts.jsonl", TEXTS)
    _write_jsonl("times.jsonl", TIMES)
    for name, text in [
        ("orders.csv", ORDERS),
        ("customers.csv", CUSTOMERS),
        ("readings.csv", READINGS),
        ("readings_ooo.csv", READINGS_OOO),
        ("numbers.csv", NUMBERS),
        ("bad_int.csv", BAD_INT),
    ]:
        (DATA / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
