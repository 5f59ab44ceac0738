"""The columns of the oracle probe table, so test rows read like the Flink SQL they came from."""

from flinklite.catalog import types as T

COLS = {
    "i": T.int_(),
    "b": T.bigint(),
    "si": T.smallint(),
    "ti": T.tinyint(),
    "s": T.string(),
    "vc": T.varchar(10),
    "c": T.char(5),
    "d": T.double(),
    "f": T.float_(),
    "dc": T.decimal(10, 2),
    "dc2": T.decimal(5, 1),
    "bo": T.boolean(),
    "dt": T.date(),
    "tm": T.time(0),
    "ts": T.timestamp(3),
    "ts6": T.timestamp(6),
    "ltz": T.timestamp_ltz(3),
    "byt": T.bytes_(),
    "bi": T.DataType(T.BINARY, length=4),
    "arr": T.array(T.int_()),
    "inn": T.int_(False),
    "sn": T.string(False),
    "dn": T.double(False),
    "dcn": T.decimal(10, 2, False),
    "tsn": T.timestamp(3, False),
    "rt": T.timestamp(3).as_time_attribute("ROWTIME"),
    "pt": T.timestamp_ltz(3, False).as_time_attribute("PROCTIME"),
    # literals as Flink types them
    "1": T.int_(False),
    "2": T.int_(False),
    "5": T.int_(False),
    "'s'": T.char(1, False),
    "3.5": T.decimal(2, 1, False),
    "1.5": T.decimal(2, 1, False),
    "'a'": T.char(1, False),
    "'x'": T.char(1, False),
    "'abcdefgh'": T.char(8, False),
    "NULL": T.null(),
    "DAY": T.interval_day_time("SECOND", 2, 3).not_null(),
    "MONTH": T.interval_year_month("MONTH", 2).not_null(),
    "SYM": T.DataType(T.SYMBOL, nullable=False),
}


def col(name: str) -> T.DataType:
    return COLS[name]
