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
# A blank line (one empty field to Jackson) and a quote left open to the end of the file.
CSV_OPEN_QUOTE = 'a,1\n\nb,2\n"c,3\nd,4\ne,5\n'
CSV_ONLY_OPEN_QUOTE = 'a,1\n"b,2\nc,3\n'
# Numbers at and past Jackson's 1,000-character limit, and one too big for an INT.
JSON_LONG_NUMBERS = "".join(
    json.dumps({"s": s}).replace("}", f', "n": {n}}}') + "\n"
    for s, n in [
        ("a", "9" * 1000),
        ("b", "9" * 1001),
        ("c", "1." + "0" * 1200 + "e5"),
        ("d", "1" + "0" * 30),
        ("e", "5"),
    ]
)


# MATCH_RECOGNIZE inputs. The docs' Ticker tables (symbol, price, tax, rowtime), one per example
# of Flink's "Pattern Recognition" page, with the page's dates written as timestamps.
def _ticker(symbol: str, day: str, rows: list[tuple[str, int, int]]) -> str:
    return "".join(f"{symbol},{price},{tax},{day} {t}.000\n" for t, price, tax in rows)


TICKER_DOCS = {
    "ticker_docs_intro.csv": _ticker(
        "ACME",
        "2011-04-01",
        [
            ("10:00:00", 12, 1),
            ("10:00:01", 17, 2),
            ("10:00:02", 19, 1),
            ("10:00:03", 21, 3),
            ("10:00:04", 25, 2),
            ("10:00:05", 18, 1),
            ("10:00:06", 15, 1),
            ("10:00:07", 14, 2),
            ("10:00:08", 24, 2),
            ("10:00:09", 25, 2),
            ("10:00:10", 19, 1),
        ],
    ),
    "ticker_docs_avg.csv": _ticker(
        "ACME",
        "2011-04-01",
        [
            ("10:00:00", 12, 1),
            ("10:00:01", 17, 2),
            ("10:00:02", 13, 1),
            ("10:00:03", 16, 3),
            ("10:00:04", 25, 2),
            ("10:00:05", 2, 1),
            ("10:00:06", 4, 1),
            ("10:00:07", 10, 2),
            ("10:00:08", 15, 2),
            ("10:00:09", 25, 2),
            ("10:00:10", 25, 1),
            ("10:00:11", 30, 1),
        ],
    ),
    "ticker_docs_greedy.csv": _ticker(
        "XYZ",
        "2018-09-17",
        [
            ("10:00:02", 10, 1),
            ("10:00:03", 11, 2),
            ("10:00:04", 12, 1),
            ("10:00:05", 13, 2),
            ("10:00:06", 14, 1),
            ("10:00:07", 16, 2),
        ],
    ),
    "ticker_docs_within.csv": _ticker(
        "ACME",
        "2011-04-01",
        [
            ("10:00:00", 20, 1),
            ("10:20:00", 17, 2),
            ("10:40:00", 18, 1),
            ("11:00:00", 11, 3),
            ("11:20:00", 14, 2),
            ("11:40:00", 9, 1),
            ("12:00:00", 15, 1),
            ("12:20:00", 14, 2),
            ("12:40:00", 24, 2),
            ("13:00:00", 1, 2),
            ("13:20:00", 19, 1),
        ],
    ),
    "ticker_docs_output.csv": _ticker(
        "XYZ",
        "2018-09-17",
        [("10:00:02", 10, 1), ("10:00:03", 12, 2), ("10:00:04", 13, 1), ("10:00:05", 11, 2)],
    ),
    "ticker_docs_skip.csv": _ticker(
        "XYZ",
        "2018-09-17",
        [
            ("10:00:01", 7, 1),
            ("10:00:02", 9, 2),
            ("10:00:03", 10, 1),
            ("10:00:04", 5, 2),
            ("10:00:05", 10, 2),
            ("10:00:06", 7, 2),
            ("10:00:07", 14, 2),
        ],
    ),
}

# Two interleaved partitions of lettered rows (id, grp, name, price, ts), ascending in time:
# group x on whole seconds, group y on half seconds. The letter runs exercise quantifiers and
# after-match strategies (a run of b's longer than {1,3}, an a directly followed by c, ...).
LETTERS_X = "a b b b c a b c a a b b b b c c a c b a b b c a".split()
LETTERS_X_PRICE = [
    10,
    12,
    14,
    11,
    20,
    5,
    6,
    30,
    8,
    9,
    15,
    16,
    17,
    18,
    25,
    26,
    7,
    40,
    3,
    4,
    5,
    6,
    50,
    1,
]
LETTERS_Y = "a b c a b b b c c a b c".split()
LETTERS_Y_PRICE = [100, 90, 80, 70, 60, 50, 40, 30, 20, 10, 11, 12]


def match_letters() -> list[str]:
    rows = []
    for i, (name, price) in enumerate(zip(LETTERS_X, LETTERS_X_PRICE, strict=True)):
        rows.append((i * 1000 + 1000, f"{i + 1},x,{name},{price}"))
    for i, (name, price) in enumerate(zip(LETTERS_Y, LETTERS_Y_PRICE, strict=True)):
        rows.append((i * 1000 + 1500, f"{i + 101},y,{name},{price}"))
    rows.sort()
    return [f"{row},{_ts(datetime(2024, 1, 1) + timedelta(milliseconds=ms))}" for ms, row in rows]


# (grp, name, ts): in group eq the match spans exactly 10 s, in group lt one millisecond less.
MATCH_WITHIN = """\
eq,a,2024-01-01 00:00:00.000
eq,b,2024-01-01 00:00:05.000
eq,c,2024-01-01 00:00:10.000
lt,a,2024-01-01 00:00:20.000
lt,b,2024-01-01 00:00:25.000
lt,c,2024-01-01 00:00:29.999
"""

# (id, name, price, ts) in arrival order under a 2 s watermark delay: rows 3 and 6 are out of
# order but ahead of the watermark; rows 5 and 11 sit exactly on it and rows 9 below it (late).
MATCH_OOO = """\
1,a,10,2024-01-01 00:00:01.000
2,b,11,2024-01-01 00:00:03.000
3,b,12,2024-01-01 00:00:02.000
4,c,13,2024-01-01 00:00:06.000
5,a,14,2024-01-01 00:00:04.000
6,b,15,2024-01-01 00:00:05.000
7,c,16,2024-01-01 00:00:07.000
8,a,17,2024-01-01 00:00:09.000
9,b,18,2024-01-01 00:00:06.500
10,b,19,2024-01-01 00:00:10.000
11,c,20,2024-01-01 00:00:08.000
12,c,21,2024-01-01 00:00:11.000
"""

# (id, name, prio, price, ts): rows sharing a timestamp, arriving in neither prio order.
MATCH_TIES = """\
2,b,1,20,2024-01-01 00:00:01.000
1,a,2,10,2024-01-01 00:00:01.000
3,c,3,30,2024-01-01 00:00:02.000
4,b,2,40,2024-01-01 00:00:02.000
5,a,1,50,2024-01-01 00:00:02.000
6,c,1,60,2024-01-01 00:00:03.000
"""

# (id, name, v, ts) with NULLs in the values conditions and measures read.
MATCH_NULLS = [
    {"id": 1, "name": "a", "v": 10},
    {"id": 2, "name": "b", "v": None},
    {"id": 3, "name": "b", "v": 5},
    {"id": 4, "name": "c", "v": None},
    {"id": 5, "name": "a", "v": None},
    {"id": 6, "name": "b", "v": 7},
    {"id": 7, "name": "c", "v": 8},
    {"id": 8, "name": "a", "v": 3},
    {"id": 9, "name": "b", "v": None},
    {"id": 10, "name": "c", "v": None},
]


def match_sales(rng: random.Random, rows: int = 160) -> list[str]:
    """Tutorial-shaped sales for MATCH_RECOGNIZE: four users, so each user has about ten sales
    in any 10 s, and a x10 quantity every 13th sale, so the anomaly pattern matches."""
    out, t = [], START
    for i in range(rows):
        t += timedelta(milliseconds=rng.randint(50, 300))
        quantity = rng.randint(1, 3) * (10 if i % 13 == 7 else 1)
        out.append(
            ",".join(
                [
                    str(rng.getrandbits(63)),
                    f"user-{rng.randrange(4)}",
                    str(rng.randrange(25)),
                    str(quantity),
                    f"£{rng.randint(1, 1000)}",
                    _ts(t),
                ]
            )
        )
    return out


def write_match_data() -> None:
    """The MATCH_RECOGNIZE cases' inputs."""
    for name, text in TICKER_DOCS.items():
        (DATA / name).write_text(text, encoding="utf-8")
    _write_lines("match_letters.csv", match_letters())
    _write_lines("match_sales.csv", match_sales(random.Random(4242)))
    nulls = [dict(r, ts=f"2024-01-01 00:00:{r['id']:02d}.000") for r in MATCH_NULLS]
    _write_jsonl("match_nulls.jsonl", nulls)
    for name, text in [
        ("match_within.csv", MATCH_WITHIN),
        ("match_ooo.csv", MATCH_OOO),
        ("match_ties.csv", MATCH_TIES),
    ]:
        (DATA / name).write_text(text, encoding="utf-8")


# Subquery cases: keys with a NULL (read with 'csv.null-literal' = 'null') on the left, and a
# right side with and without one, for IN / NOT IN's NULL rules.
SUBQUERY_LEFT = "1,a\n2,b\nnull,c\n3,d\n5,e\n"
SUBQUERY_RIGHT = "1\n3\n7\n"
SUBQUERY_RIGHT_NULL = "1\n3\nnull\n7\n"

# Temporal joins: orders in several currencies, and the rates' versions over time (a USD rate
# arrives after some orders, JPY has none).
FX_ORDERS = (
    "1,EUR,10,2024-01-01 10:00:01.000\n"
    "2,USD,20,2024-01-01 10:00:02.000\n"
    "3,EUR,30,2024-01-01 10:00:06.000\n"
    "4,JPY,40,2024-01-01 10:00:07.000\n"
    "5,EUR,50,2024-01-01 10:00:11.000\n"
    "6,USD,60,2024-01-01 10:00:12.000\n"
    "7,GBP,70,2024-01-01 10:00:13.000\n"
    "8,EUR,80,2024-01-01 10:00:20.000\n"
)
FX_RATES = (
    "EUR,1.10,2024-01-01 10:00:00.000\n"
    "USD,1.00,2024-01-01 10:00:00.000\n"
    "EUR,1.20,2024-01-01 10:00:05.000\n"
    "GBP,1.40,2024-01-01 10:00:09.000\n"
    "EUR,1.30,2024-01-01 10:00:10.000\n"
    "USD,0.90,2024-01-01 10:00:15.000\n"
    "EUR,1.25,2024-01-01 10:00:20.000\n"
)

# INT values whose sum passes the INT range (AVG's sum type), in event-time order.
BIG_INTS = (
    "d,2147483647,2024-01-01 00:00:01.000\n"
    "d,2147483647,2024-01-01 00:00:02.000\n"
    "d,1,2024-01-01 00:00:03.000\n"
    "e,-2147483648,2024-01-01 00:00:04.000\n"
    "e,-2,2024-01-01 00:00:05.000\n"
)


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
        ("csv_open_quote.csv", CSV_OPEN_QUOTE),
        ("csv_only_open_quote.csv", CSV_ONLY_OPEN_QUOTE),
        ("json_long_numbers.jsonl", JSON_LONG_NUMBERS),
        ("subquery_left.csv", SUBQUERY_LEFT),
        ("subquery_right.csv", SUBQUERY_RIGHT),
        ("subquery_right_null.csv", SUBQUERY_RIGHT_NULL),
        ("big_ints.csv", BIG_INTS),
        ("fx_orders.csv", FX_ORDERS),
        ("fx_rates.csv", FX_RATES),
    ]:
        (DATA / name).write_text(text, encoding="utf-8")
    write_match_data()


if __name__ == "__main__":
    main()
