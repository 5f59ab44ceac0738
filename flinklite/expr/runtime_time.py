"""Dates, times and timestamps at run time: time zones, text forms, EXTRACT, FLOOR/CEIL to a
unit, interval arithmetic, TIMESTAMPADD/DIFF and Flink's date-time functions.

Values follow the row contract: TIMESTAMP / TIMESTAMP_LTZ are int epoch nanoseconds, DATE int
days, TIME int nanoseconds of the day, day-time intervals int ms, year-month intervals int months."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import os
import re
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flinklite.errors import ExecutionError, ValidationError
from flinklite.runtime.rows import NANOS_PER_MILLI

NANOS_PER_SECOND = 10**9
NANOS_PER_DAY = 86_400 * NANOS_PER_SECOND
MILLIS_PER_DAY = 86_400_000
EPOCH = dt.datetime(1970, 1, 1)
EPOCH_DATE = dt.date(1970, 1, 1)


# --- time zones ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def zone(name: str) -> dt.tzinfo:
    """table.local-time-zone as a tzinfo; 'default' is the machine's zone."""
    if name.lower() == "default":
        name = os.environ.get("TZ") or _machine_zone()
    if name.upper() in ("UTC", "Z", "GMT"):
        return dt.UTC
    m = re.fullmatch(r"(?:GMT|UTC)?([+-])(\d{1,2})(?::?(\d{2}))?", name)
    if m:
        minutes = int(m[2]) * 60 + int(m[3] or 0)
        return dt.timezone(dt.timedelta(minutes=-minutes if m[1] == "-" else minutes))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"Invalid time zone '{name}'") from None


def _machine_zone() -> str:
    try:
        link = os.readlink("/etc/localtime")
        return link.split("zoneinfo/", 1)[1]
    except (OSError, IndexError):
        return "UTC"


def is_utc(tz: dt.tzinfo) -> bool:
    return tz is dt.UTC


def instant_to_local(nanos: int, tz: dt.tzinfo) -> int:
    """A TIMESTAMP_LTZ instant as the wall clock of `tz` (a TIMESTAMP value)."""
    if tz is dt.UTC:
        return nanos
    seconds = nanos // NANOS_PER_SECOND
    offset = dt.datetime.fromtimestamp(seconds, tz).utcoffset()
    return nanos + int(offset.total_seconds()) * NANOS_PER_SECOND  # type: ignore[union-attr]


def local_to_instant(nanos: int, tz: dt.tzinfo, later: bool = False) -> int:
    """A wall clock of `tz` as an instant; in a DST gap the clock moves forward; in an overlap
    the earlier offset wins (Java's LocalDateTime.atZone) or, with `later`, the standard-time
    one (java.util's TimeZone, which UNIX_TIMESTAMP uses)."""
    if tz is dt.UTC:
        return nanos
    seconds, rest = divmod(nanos, NANOS_PER_SECOND)
    wall = EPOCH + dt.timedelta(seconds=seconds)
    instant = int(wall.replace(tzinfo=tz).timestamp())
    if later:
        second = int(wall.replace(tzinfo=tz, fold=1).timestamp())
        if (
            second != instant
            and instant_to_local(second * NANOS_PER_SECOND, tz) == seconds * NANOS_PER_SECOND
        ):
            instant = second
    return instant * NANOS_PER_SECOND + rest


# --- text forms ----------------------------------------------------------------------------------


def _fraction(nanos_of_second: int, precision: int) -> str:
    if precision <= 0:
        return ""
    return "." + f"{nanos_of_second:09d}"[:precision]


def date_to_string(days: int) -> str:
    d = EPOCH_DATE + dt.timedelta(days=days)
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def time_to_string(nanos: int, precision: int) -> str:
    seconds, frac = divmod(nanos, NANOS_PER_SECOND)
    h, rem = divmod(seconds, 3600)
    return f"{h:02d}:{rem // 60:02d}:{rem % 60:02d}" + _fraction(frac, precision)


def timestamp_to_string(nanos: int, precision: int) -> str:
    """Flink's CAST(ts AS STRING): 'yyyy-MM-dd HH:mm:ss' and the fraction padded to precision."""
    days, rest = divmod(nanos, NANOS_PER_DAY)
    return date_to_string(days) + " " + time_to_string(rest, precision)


def interval_day_time_to_string(millis: int) -> str:
    """Flink prints a day-time interval as +d hh:mm:ss.fff."""
    sign = "-" if millis < 0 else "+"
    millis = abs(millis)
    days, rest = divmod(millis, MILLIS_PER_DAY)
    seconds, ms = divmod(rest, 1000)
    h, rem = divmod(seconds, 3600)
    return f"{sign}{days} {h:02d}:{rem // 60:02d}:{rem % 60:02d}.{ms:03d}"


def interval_year_month_to_string(months: int) -> str:
    sign = "-" if months < 0 else "+"
    years, rest = divmod(abs(months), 12)
    return f"{sign}{years}-{rest:02d}"


# Flink's DateTimeUtils accept one or two digit fields, a 'T' or blank between date and time,
# seconds optional, and up to nine fraction digits.
_DATE_RE = re.compile(r"(\d{1,9})-(\d{1,2})-(\d{1,2})")
_TIME_RE = re.compile(r"(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?")
_TIMESTAMP_RE = re.compile(
    r"(\d{1,9})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?)?"
)


def _days(year: int, month: int, day: int) -> int:
    return (dt.date(year, month, day) - EPOCH_DATE).days


def _days_smart(year: int, month: int, day: int) -> int:
    """Days since the epoch of a timestamp's date as Java's SMART resolver reads it (Flink's
    CAST and TO_TIMESTAMP): a day of 29 to 31 past the month's end is its last day, so
    2024-02-30 is 2024-02-29; other out-of-range fields are invalid. DATE values stay strict."""
    if 1 <= month <= 12 and 28 < day <= 31:
        day = min(day, calendar.monthrange(year, month)[1])
    return _days(year, month, day)


def _hms(h: str, m: str, s: str | None, frac: str | None) -> int:
    hour, minute, second = int(h), int(m), int(s or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError
    nanos = int((frac or "").ljust(9, "0")) if frac else 0
    return ((hour * 60 + minute) * 60 + second) * NANOS_PER_SECOND + nanos


def parse_date(text: str) -> int | None:
    """DATE days from 'yyyy-MM-dd' (a trailing time part is ignored); None when invalid."""
    text = text.strip()
    m = _TIMESTAMP_RE.fullmatch(text)
    try:
        if m:
            return _days(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return None


def parse_time(text: str) -> int | None:
    m = _TIME_RE.fullmatch(text.strip())
    if not m:
        return None
    try:
        return _hms(m[1], m[2], m[3], m[4])
    except ValueError:
        return None


def parse_timestamp(text: str) -> int | None:
    """Epoch nanoseconds of 'yyyy-MM-dd[( |T)HH:mm[:ss[.fffffffff]]]'; None when invalid."""
    m = _TIMESTAMP_RE.fullmatch(text.strip())
    if not m:
        return None
    try:
        days = _days_smart(int(m[1]), int(m[2]), int(m[3]))
        nanos = _hms(m[4], m[5], m[6], m[7]) if m[4] else 0
    except ValueError:
        return None
    return days * NANOS_PER_DAY + nanos


_CAST_TIMESTAMP_RE = re.compile(
    r"(\d{1,9})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?)?"
)


def parse_cast_timestamp(text: str) -> int | None:
    """CAST(text AS TIMESTAMP) is stricter than TO_TIMESTAMP: no blanks around the text and a
    blank, not 'T', between date and time (observed in Flink 2.3)."""
    if not _CAST_TIMESTAMP_RE.fullmatch(text):
        return None
    return parse_timestamp(text)


def truncate_precision(nanos: int, precision: int) -> int:
    """Drop the fraction digits beyond `precision` (Flink truncates, it does not round).

    Below milliseconds the nano-of-millisecond part is dropped (a floor); to seconds or tenths
    Flink divides the epoch milliseconds in Java, which truncates toward zero, so a time
    before 1970 moves up: 1969-07-20 20:17:40.5 becomes 20:17:41."""
    if precision >= 9:
        return nanos
    if precision >= 3 or nanos >= 0:
        unit = 10 ** (9 - precision)
        return nanos - nanos % unit
    ms = nanos // NANOS_PER_MILLI
    unit = 10 ** (3 - precision)
    return -((-ms) // unit * unit) * NANOS_PER_MILLI


def to_datetime(nanos: int) -> dt.datetime:
    try:
        return EPOCH + dt.timedelta(microseconds=nanos // 1000)
    except OverflowError:
        # Java's LocalDateTime reaches year 999999999; Python's datetime stops at 9999.
        raise ExecutionError(
            f"Timestamp out of the supported range (years 1 to 9999): {nanos // NANOS_PER_MILLI} "
            "ms since 1970-01-01"
        ) from None


def from_datetime(moment: dt.datetime, nanos_of_second: int | None = None) -> int:
    delta = moment.replace(tzinfo=None) - EPOCH
    seconds = delta.days * 86_400 + delta.seconds
    frac = delta.microseconds * 1000 if nanos_of_second is None else nanos_of_second
    return seconds * NANOS_PER_SECOND + frac


# --- Java date-time patterns (DateTimeFormatter / SimpleDateFormat letters) ---------------------

_MONTHS = list(calendar.month_name)
_DAYS = list(calendar.day_name)  # Monday first


def _tokens(pattern: str) -> list[tuple[str, str]]:
    """('y', 'yyyy') for letter runs, ('', text) for literals ('' quoting as Java's)."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "'":
            j = pattern.find("'", i + 1)
            if j == i + 1:
                out.append(("", "'"))
                i += 2
                continue
            j = n if j < 0 else j
            out.append(("", pattern[i + 1 : j]))
            i = j + 1
        elif ch.isascii() and ch.isalpha():
            j = i
            while j < n and pattern[j] == ch:
                j += 1
            out.append((ch, pattern[i:j]))
            i = j
        else:
            out.append(("", ch))
            i += 1
    return out


def _format_token(letter: str, run: str, t: dt.datetime, nanos: int) -> str:
    w = len(run)
    if letter in ("y", "u", "Y"):  # java.time: 'u' is the proleptic year
        return f"{t.year % 100:02d}" if w == 2 else f"{t.year:0{w}d}"
    if letter == "M" or letter == "L":
        if w >= 4:
            return _MONTHS[t.month]
        if w == 3:
            return _MONTHS[t.month][:3]
        return f"{t.month:0{w}d}"
    if letter == "d":
        return f"{t.day:0{w}d}"
    if letter == "H":
        return f"{t.hour:0{w}d}"
    if letter == "k":
        return f"{t.hour or 24:0{w}d}"
    if letter == "h":
        return f"{(t.hour % 12) or 12:0{w}d}"
    if letter == "K":
        return f"{t.hour % 12:0{w}d}"
    if letter == "m":
        return f"{t.minute:0{w}d}"
    if letter == "s":
        return f"{t.second:0{w}d}"
    if letter == "S":
        return f"{nanos:09d}"[:w].ljust(w, "0")
    if letter == "a":
        return "AM" if t.hour < 12 else "PM"
    if letter == "E":
        name = _DAYS[t.weekday()]
        return name if w >= 4 else name[:3]
    if letter == "D":
        return f"{t.timetuple().tm_yday:0{w}d}"
    if letter == "w":
        return f"{_week_of_year(t.date()):0{w}d}"
    if letter in ("Z", "X", "x"):
        return "Z" if letter == "X" else "+0000"
    if letter in ("z", "V"):
        return "UTC"
    if letter == "G":
        return "AD"
    raise ExecutionError(f"java.lang.IllegalArgumentException: Unknown pattern letter: {letter}")


def _week_of_year(d: dt.date) -> int:
    """Week of year as java.time's WeekFields for the US locale (Sunday start, minimal 1 day)."""
    jan1 = dt.date(d.year, 1, 1)
    offset = (jan1.weekday() + 1) % 7  # days since the Sunday that starts week 1
    return (d.toordinal() - jan1.toordinal() + offset) // 7 + 1


@functools.lru_cache(maxsize=256)
def formatter(pattern: str) -> Callable[[int], str]:
    """A function from TIMESTAMP nanoseconds to text in a Java date-time pattern."""
    tokens = _tokens(pattern)

    def fmt(nanos: int) -> str:
        t = to_datetime(nanos)
        frac = nanos % NANOS_PER_SECOND
        return "".join(
            text if not letter else _format_token(letter, text, t, frac) for letter, text in tokens
        )

    return fmt


_PARSE_FIELDS = {
    "y": r"(?P<y>[+-]?\d{%s})",
    "u": r"(?P<y>[+-]?\d{%s})",
    "M": r"(?P<M>\d{%s})",
    "d": r"(?P<d>\d{%s})",
    "H": r"(?P<H>\d{%s})",
    "k": r"(?P<H>\d{%s})",
    "h": r"(?P<h>\d{%s})",
    "K": r"(?P<h>\d{%s})",
    "m": r"(?P<m>\d{%s})",
    "s": r"(?P<s>\d{%s})",
    "S": r"(?P<S>\d{%s})",
    "D": r"(?P<D>\d{%s})",
}


@functools.lru_cache(maxsize=256)
def parser(pattern: str) -> Callable[[str], int | None]:
    """A function from text in a Java date-time pattern to TIMESTAMP nanoseconds (None when the
    text does not match, as Flink's TO_TIMESTAMP gives NULL)."""
    parts: list[str] = []
    tokens = _tokens(pattern)
    for i, (letter, text) in enumerate(tokens):
        if not letter:
            parts.append(re.escape(text))
            continue
        w = len(text)
        adjacent = i + 1 < len(tokens) and tokens[i + 1][0] != ""
        if letter == "M" and w >= 3:
            parts.append(r"(?P<Mn>[A-Za-z]+)")
        elif letter == "a":
            parts.append(r"(?P<a>AM|PM|am|pm)")
        elif letter == "E":
            parts.append(r"[A-Za-z]+")
        elif letter in _PARSE_FIELDS:
            width = (
                str(w) if adjacent or letter == "S" else f"{w},{max(w, 9 if letter == 'y' else 2)}"
            )
            if letter == "y" and w == 2:
                width = "2"
            parts.append(_PARSE_FIELDS[letter] % width)
        elif letter in ("Z", "X", "x"):
            parts.append(r"(?P<z>Z|[+-]\d{2}:?\d{2})")
        else:
            parts.append(r"\S+")
    regex = re.compile("".join(parts))
    two_digit_year = any(letter == "y" and len(text) == 2 for letter, text in tokens)

    def parse(text: str) -> int | None:
        m = regex.fullmatch(text)
        if not m:
            return None
        g = m.groupdict()
        try:
            year = int(g.get("y") or 1970)
            if two_digit_year:
                year += 2000
            month = int(g["M"]) if g.get("M") else 1
            if g.get("Mn"):
                month = _month_number(g["Mn"])
            day = int(g["d"]) if g.get("d") else 1
            hour = int(g["H"]) if g.get("H") else 0
            if g.get("h"):
                hour = int(g["h"]) % 12 + (12 if (g.get("a") or "").upper() == "PM" else 0)
            moment = dt.datetime(year, month, day, hour, int(g.get("m") or 0), int(g.get("s") or 0))
            if g.get("D"):
                moment += dt.timedelta(days=int(g["D"]) - 1)
        except (ValueError, KeyError):
            return None
        frac = int(g["S"].ljust(9, "0")[:9]) if g.get("S") else 0
        nanos = from_datetime(moment, frac)
        if g.get("z") and g["z"] != "Z":
            z = g["z"].replace(":", "")
            offset = (int(z[1:3]) * 60 + int(z[3:5])) * 60 * NANOS_PER_SECOND
            nanos -= offset if z[0] == "+" else -offset
        return nanos

    return parse


def _month_number(name: str) -> int:
    lowered = name.lower()
    for i in range(1, 13):
        if _MONTHS[i].lower() == lowered or _MONTHS[i][:3].lower() == lowered:
            return i
    raise ValueError(name)


DEFAULT_FORMAT = "yyyy-MM-dd HH:mm:ss"


_DEFAULT_FORMAT_RE = re.compile(
    r"\d{1,9}-\d{1,2}-\d{1,2}(?: \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d{1,9})?)?"
)


def to_timestamp(text: str, pattern: str | None = None) -> int | None:
    """TO_TIMESTAMP: the default format also takes a fraction of a second and a date alone, but
    no 'T', no blanks around and no time without seconds (all NULL in Flink 2.3)."""
    if pattern is None or pattern == DEFAULT_FORMAT:
        return parse_timestamp(text) if _DEFAULT_FORMAT_RE.fullmatch(text) else None
    return parser(pattern)(text)


# --- calendar fields -----------------------------------------------------------------------------


def _date_of(days: int) -> dt.date:
    return EPOCH_DATE + dt.timedelta(days=days)


def _field_of_date(unit: str, days: int) -> int:
    d = _date_of(days)
    if unit == "YEAR":
        return d.year
    if unit == "MONTH":
        return d.month
    if unit in ("DAY", "DAYOFMONTH"):
        return d.day
    if unit == "QUARTER":
        return (d.month - 1) // 3 + 1
    if unit in ("DOW", "DAYOFWEEK"):
        return d.isoweekday() % 7 + 1  # Sunday = 1
    if unit == "ISODOW":
        return d.isoweekday()
    if unit in ("DOY", "DAYOFYEAR"):
        return d.timetuple().tm_yday
    if unit == "WEEK":
        return d.isocalendar()[1]
    if unit == "ISOYEAR":
        return d.isocalendar()[0]
    if unit == "DECADE":
        return d.year // 10
    if unit == "CENTURY":
        return (d.year + 99) // 100 if d.year > 0 else (d.year - 99) // 100
    if unit == "MILLENNIUM":
        return (d.year + 999) // 1000 if d.year > 0 else (d.year - 999) // 1000
    raise ValidationError(f"EXTRACT({unit} FROM DATE) is not supported")


def _field_of_time(unit: str, nanos: int) -> int:
    if unit == "HOUR":
        return nanos // (3600 * NANOS_PER_SECOND)
    if unit == "MINUTE":
        return nanos // (60 * NANOS_PER_SECOND) % 60
    if unit == "SECOND":
        return nanos // NANOS_PER_SECOND % 60
    # Flink 2.3 gives the fraction of the second only: EXTRACT(MILLISECOND FROM 10:20:30.123) = 123.
    if unit == "MILLISECOND":
        return nanos // NANOS_PER_MILLI % 1000
    if unit == "MICROSECOND":
        return nanos // 1000 % 1_000_000  # microseconds of the second
    if unit == "NANOSECOND":
        return nanos % NANOS_PER_SECOND
    raise ValidationError(f"EXTRACT({unit} FROM TIME) is not supported")


_TIME_UNITS = {"HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND", "NANOSECOND"}


def extractor(unit: str, root: str, tz: dt.tzinfo) -> Callable[[int], int]:
    """EXTRACT(unit FROM x) for x of type `root` (a DATE, TIME, TIMESTAMP(_LTZ) or interval)."""
    unit = {"DAYOFMONTH": "DAY"}.get(unit, unit)
    if root == "INTERVAL_YEAR_MONTH":
        if unit == "YEAR":
            return lambda v: int(v / 12)
        if unit == "MONTH":
            return lambda v: v - int(v / 12) * 12
        raise ValidationError(f"EXTRACT({unit} FROM INTERVAL YEAR TO MONTH) is not supported")
    if root == "INTERVAL_DAY_TIME":
        divisors = {
            "DAY": (MILLIS_PER_DAY, None),
            "HOUR": (3_600_000, 24),
            "MINUTE": (60_000, 60),
            "SECOND": (1000, 60),
            "MILLISECOND": (1, 60_000),
        }
        if unit not in divisors:
            raise ValidationError(f"EXTRACT({unit} FROM INTERVAL DAY TO SECOND) is not supported")
        div, mod = divisors[unit]

        def interval_field(v: int) -> int:
            q = int(v / div)
            return q if mod is None else q - int(q / mod) * mod

        return interval_field
    if root == "DATE":
        if unit == "EPOCH":
            return lambda v: v * 86_400
        if unit in _TIME_UNITS:
            return lambda v: 0
        return lambda v: _field_of_date(unit, v)
    if root == "TIME":
        if unit == "EPOCH":
            return lambda v: v // NANOS_PER_SECOND
        return lambda v: _field_of_time(unit, v)
    local = (lambda v: instant_to_local(v, tz)) if root == "TIMESTAMP_LTZ" else (lambda v: v)
    if unit == "EPOCH":
        return lambda v: v // NANOS_PER_SECOND
    if unit in _TIME_UNITS:

        def time_field(v: int) -> int:
            v = local(v)
            if v < 0:
                return _java_time_field(unit, v)
            return _field_of_time(unit, v % NANOS_PER_DAY)

        return time_field

    def date_field(v: int) -> int:
        v = local(v)
        if v < 0:  # Java's division truncates toward zero: before 1970 the day is one later
            return _field_of_date(unit, -(-(v // NANOS_PER_MILLI) // MILLIS_PER_DAY))
        return _field_of_date(unit, v // NANOS_PER_DAY)

    return date_field


def _java_time_field(unit: str, v: int) -> int:
    """EXTRACT of a time field from a timestamp before 1970, as Flink computes it: the epoch
    milliseconds' remainder by a day keeps its sign (Java's %), so hours go negative."""
    ms = v // NANOS_PER_MILLI
    tod = ms - int(ms / MILLIS_PER_DAY) * MILLIS_PER_DAY
    if unit == "HOUR":
        return int(tod / 3_600_000)
    if unit == "MINUTE":
        return int((tod - int(tod / 3_600_000) * 3_600_000) / 60_000)
    if unit == "SECOND":
        return int((tod - int(tod / 60_000) * 60_000) / 1000)
    if unit == "MILLISECOND":
        return tod - int(tod / 1000) * 1000
    return _field_of_time(unit, v % NANOS_PER_DAY)


# --- FLOOR / CEIL to a unit ------------------------------------------------------------------------

_UNIT_NANOS = {
    "DAY": NANOS_PER_DAY,
    "HOUR": 3600 * NANOS_PER_SECOND,
    "MINUTE": 60 * NANOS_PER_SECOND,
    "SECOND": NANOS_PER_SECOND,
    "MILLISECOND": NANOS_PER_MILLI,
    "MICROSECOND": 1000,
    "NANOSECOND": 1,
}


def _floor_days(unit: str, days: int) -> int:
    d = _date_of(days)
    if unit == "WEEK":
        return days - (d.isoweekday() % 7)  # weeks start on Sunday
    if unit == "MONTH":
        return _days(d.year, d.month, 1)
    if unit == "QUARTER":
        return _days(d.year, (d.month - 1) // 3 * 3 + 1, 1)
    if unit == "YEAR":
        return _days(d.year, 1, 1)
    if unit == "DECADE":
        return _days(d.year // 10 * 10, 1, 1)
    if unit == "CENTURY":
        return _days((d.year - 1) // 100 * 100 + 1, 1, 1)
    if unit == "MILLENNIUM":
        return _days((d.year - 1) // 1000 * 1000 + 1, 1, 1)
    if unit == "DAY":
        return days
    raise ValidationError(f"FLOOR/CEIL to {unit} is not supported")


def _ceil_days(unit: str, days: int) -> int:
    floor = _floor_days(unit, days)
    if floor == days:
        return days
    if unit == "WEEK":
        return floor + 7
    d = _date_of(floor)
    months = {"MONTH": 1, "QUARTER": 3, "YEAR": 12, "DECADE": 120, "CENTURY": 1200}.get(unit)
    if months is None:
        months = 12000
    return add_months_days(floor, months) if d.day == 1 else floor


def floor_ceil_time(unit: str, root: str, ceil: bool, tz: dt.tzinfo) -> Callable[[int], int]:
    """FLOOR(x TO unit) / CEIL(x TO unit) for a DATE, TIME or TIMESTAMP(_LTZ) value."""
    if root == "DATE":
        if unit in _UNIT_NANOS:
            return lambda v: v
        return (lambda v: _ceil_days(unit, v)) if ceil else (lambda v: _floor_days(unit, v))
    if root == "TIME":
        if unit not in _UNIT_NANOS:
            return lambda v: v
        size = _UNIT_NANOS[unit]
        return (
            (lambda v: -(-v // size) * size % NANOS_PER_DAY) if ceil else (lambda v: v - v % size)
        )
    if unit in _UNIT_NANOS:
        size = _UNIT_NANOS[unit]

        def on_wall(v: int) -> int:
            return (-(-v // size) * size) if ceil else v - v % size

    else:

        def on_wall(v: int) -> int:
            # Units of a week and longer round the date alone: Flink's CEIL(Sunday 05:00 TO WEEK)
            # is that Sunday's midnight (observed in 2.3).
            days = v // NANOS_PER_DAY
            if ceil:
                return _ceil_days(unit, days) * NANOS_PER_DAY
            return _floor_days(unit, days) * NANOS_PER_DAY

    if root == "TIMESTAMP_LTZ" and not is_utc(tz):
        return lambda v: local_to_instant(on_wall(instant_to_local(v, tz)), tz)
    return on_wall


# --- interval arithmetic -----------------------------------------------------------------------------


def add_months_days(days: int, months: int) -> int:
    """Calcite's addMonths: the day of month is clamped to the target month's length."""
    d = _date_of(days)
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    day = min(d.day, calendar.monthrange(year, month + 1)[1])
    return _days(year, month + 1, day)


def add_months_timestamp(nanos: int, months: int) -> int:
    days, rest = divmod(nanos, NANOS_PER_DAY)
    return add_months_days(days, months) * NANOS_PER_DAY + rest


def plus_interval(root: str, interval_root: str, tz: dt.tzinfo) -> Callable[[int, int], int]:
    """x + interval for x of type `root`; the interval value is ms or months."""
    if interval_root == "INTERVAL_YEAR_MONTH":
        if root == "DATE":
            return add_months_days
        if root == "TIME":
            return lambda v, n: v
        if root == "TIMESTAMP_LTZ" and not is_utc(tz):
            return lambda v, n: local_to_instant(
                add_months_timestamp(instant_to_local(v, tz), n), tz
            )
        return add_months_timestamp
    if root == "DATE":
        # Whole days of the interval, truncated toward zero: DATE - INTERVAL '30' HOUR is a day back.
        return lambda v, ms: v + (ms // MILLIS_PER_DAY if ms >= 0 else -(-ms // MILLIS_PER_DAY))
    if root == "TIME":
        return lambda v, ms: (v + ms * NANOS_PER_MILLI) % NANOS_PER_DAY
    return lambda v, ms: v + ms * NANOS_PER_MILLI


# --- TIMESTAMPADD / TIMESTAMPDIFF ----------------------------------------------------------------------

_ADD_MONTHS = {"MONTH": 1, "QUARTER": 3, "YEAR": 12}
_ADD_MILLIS = {
    "WEEK": 7 * MILLIS_PER_DAY,
    "DAY": MILLIS_PER_DAY,
    "HOUR": 3_600_000,
    "MINUTE": 60_000,
    "SECOND": 1000,
    "MILLISECOND": 1,
}


def timestampadd(unit: str, root: str, result_root: str, tz: dt.tzinfo) -> Callable[..., int]:
    """TIMESTAMPADD(unit, n, x); a DATE plus hours is a TIMESTAMP."""
    if unit in ("MICROSECOND", "NANOSECOND"):
        step = 1000 if unit == "MICROSECOND" else 1
        if root == "DATE":
            return lambda u, n, v: v * NANOS_PER_DAY + n * step
        return lambda u, n, v: v + n * step
    if unit in _ADD_MONTHS:
        add = plus_interval(root, "INTERVAL_YEAR_MONTH", tz)
        factor = _ADD_MONTHS[unit]
        return lambda u, n, v: add(v, n * factor)
    millis = _ADD_MILLIS[unit]
    if root == "DATE" and result_root == "TIMESTAMP":
        return lambda u, n, v: v * NANOS_PER_DAY + n * millis * NANOS_PER_MILLI
    add = plus_interval(root, "INTERVAL_DAY_TIME", tz)
    return lambda u, n, v: add(v, n * millis)


def _as_nanos(root: str) -> Callable[[int], int]:
    if root == "DATE":
        return lambda v: v * NANOS_PER_DAY
    return lambda v: v


def _months_between(a: int, b: int) -> int:
    """Whole months from wall clock a to wall clock b (Calcite's subtractMonths: the largest m
    with addMonths(a, m) <= b, so Jan 31 to Feb 29 is one month)."""
    if b < a:
        return -_months_between(b, a)
    x, y = _date_of(a // NANOS_PER_DAY), _date_of(b // NANOS_PER_DAY)
    months = (y.year - x.year) * 12 + y.month - x.month
    while months > 0 and add_months_timestamp(a, months) > b:
        months -= 1
    return months


def timestampdiff(unit: str, root1: str, root2: str) -> Callable[..., int]:
    """TIMESTAMPDIFF(unit, a, b): whole units from a to b, truncated toward zero."""
    fa, fb = _as_nanos(root1), _as_nanos(root2)
    if unit in _ADD_MONTHS:
        per = _ADD_MONTHS[unit]
        return lambda u, a, b: int(_months_between(fa(a), fb(b)) / per)
    size = (
        _ADD_MILLIS.get(unit, 0) * NANOS_PER_MILLI or {"MICROSECOND": 1000, "NANOSECOND": 1}[unit]
    )

    def diff(u: str, a: int, b: int) -> int:
        d = fb(b) - fa(a)
        q = abs(d) // size
        return q if d >= 0 else -q

    return diff


# --- Flink's date-time functions ------------------------------------------------------------------------


_LENIENT_DEFAULT_RE = re.compile(r"(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+)")


def _lenient_default(text: str) -> int | None:
    """'yyyy-MM-dd HH:mm:ss' as Java's lenient SimpleDateFormat reads it (UNIX_TIMESTAMP): every
    field must be there, a field past its range carries into the next (2024-02-31 25:61:00 is
    2024-03-03 02:01:00), and text after the seconds is ignored."""
    m = _LENIENT_DEFAULT_RE.match(text)
    if m is None:
        return None
    year, month, day, hour, minute, second = (int(g) for g in m.groups())
    try:
        base = dt.datetime(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        moment = base + dt.timedelta(days=day - 1, hours=hour, minutes=minute, seconds=second)
    except (ValueError, OverflowError):
        return None
    return (moment - dt.datetime(1970, 1, 1)) // dt.timedelta(microseconds=1) * 1000


def unix_timestamp_of(tz: dt.tzinfo) -> Callable[..., int | None]:
    """UNIX_TIMESTAMP(text[, format]): seconds since the epoch of a wall clock in the session
    zone; text that does not parse gives Long.MIN_VALUE as in Flink."""

    def unix_timestamp(text: str, pattern: str = DEFAULT_FORMAT) -> int:
        if pattern == DEFAULT_FORMAT:
            nanos = _lenient_default(text)
        else:
            nanos = to_timestamp(text, pattern)
        if nanos is None:
            return -(2**63)
        return local_to_instant(nanos, tz, later=True) // NANOS_PER_SECOND

    return unix_timestamp


def from_unixtime_of(tz: dt.tzinfo) -> Callable[..., str]:
    def from_unixtime(seconds: int, pattern: str = DEFAULT_FORMAT) -> str:
        return formatter(pattern)(instant_to_local(seconds * NANOS_PER_SECOND, tz))

    return from_unixtime


def convert_tz(text: str, source: str, target: str) -> str | None:
    nanos = parse_timestamp(text)
    if nanos is None:
        return None
    instant = local_to_instant(nanos, zone(source))
    return formatter(DEFAULT_FORMAT)(instant_to_local(instant, zone(target)))


def now_nanos(now_ms: Callable[[], int]) -> Callable[[], int]:
    return lambda: now_ms() * NANOS_PER_MILLI


def any_to_local(root: str, tz: dt.tzinfo) -> Callable[[int], int]:
    """A TIMESTAMP wall clock for a TIMESTAMP or TIMESTAMP_LTZ value."""
    if root == "TIMESTAMP_LTZ" and not is_utc(tz):
        return lambda v: instant_to_local(v, tz)
    return lambda v: v


def identity(value: Any) -> Any:
    return value
