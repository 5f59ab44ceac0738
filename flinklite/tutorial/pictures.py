"""Pictures drawn in the terminal from a walkthrough's live data: how quantities spread, the
running average a join compares against, and a match on a user's timeline with the rows each
pattern variable took and the WITHIN span. Pure functions: data in, rich Text lines out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.text import Text

from flinklite.runtime.rows import NANOS_PER_MILLI

BAR = "█"


def _time(ts_ns: int) -> str:
    """HH:MM:SS.mmm of an epoch-nanosecond TIMESTAMP value."""
    ms = ts_ns // NANOS_PER_MILLI
    s, ms = divmod(ms, 1000)
    return f"{s // 3600 % 24:02d}:{s // 60 % 60:02d}:{s % 60:02d}.{ms:03d}"


def quantities(values: Sequence[int], width: int = 50) -> list[Text]:
    """A histogram of sale quantities: most are 1 to 3, a few are 10 or more."""
    counts = Counter(values)
    if not counts:
        return [Text("(no sales yet)")]
    top = max(counts.values())
    lines = [Text(f"How many sales had each quantity ({len(values)} sales):", style="bold")]
    for quantity in sorted(counts):
        n = counts[quantity]
        bar = BAR * max(1, round(n / top * width))
        style = "red" if quantity > 3 else "green"
        lines.append(Text.assemble(f"  {quantity:>3} ", (bar, style), f" {n}"))
    return lines


def running_average(
    user: str, sales: Sequence[tuple[int, int]], width: int = 20, after: int = 4
) -> list[Text]:
    """One user's sales in time order with the running average (an INT, as Flink's AVG of an
    INT) and three times it: the line a join compares each new sale against. Shown up to
    `after` sales past the last one above it."""
    lines = [
        Text(f"{user}'s sales and the running average the join compares against:", style="bold"),
        Text(f"  time          qty {'':<{width}}  avg  3×avg"),
    ]
    top = max((q for _, q in sales), default=1)
    total, rows, last_above = 0, [], -1
    for i, (ts, quantity) in enumerate(sales, start=1):
        total += quantity
        avg = total // i
        above = quantity > avg * 3
        if above:
            last_above = i - 1
        rows.append((ts, quantity, avg, above))
    shown = rows[: last_above + 1 + after] if last_above >= 0 else rows[:after]
    for ts, quantity, avg, above in shown:
        bar = BAR * max(1, round(quantity / top * width))
        lines.append(
            Text.assemble(
                f"  {_time(ts)}  {quantity:>3} ",
                (f"{bar:<{width}}", "red" if above else "green"),
                f"  {avg:>3}  {avg * 3:>5}",
                ("  ▲" if above else "", "bold red"),
            )
        )
    if len(rows) > len(shown):
        lines.append(Text(f"  ... {len(rows) - len(shown)} more sales", style="dim"))
    lines.append(
        Text(
            "  ▲ above 3×avg. The average includes the large sales themselves and all of the "
            "user's history.",
            style="dim",
        )
    )
    return lines


def timeline(
    user: str,
    sales: Sequence[tuple[int, int]],
    match: Sequence[tuple[int, int, str]],
    within_ms: int = 10_000,
    width: int = 64,
) -> list[Text]:
    """A user's sales on a time axis around one match: `o` the TYPICAL_SALE rows, `▲` the
    UNUSUAL_SALE row, `·` the user's other sales; under it the WITHIN span from the match's
    first row, then the rows each pattern variable took."""
    if not match:
        return [Text("(no match to draw)")]
    first, last = match[0][0], match[-1][0]
    start = first - 1000 * NANOS_PER_MILLI
    end = max(last, first + within_ms * NANOS_PER_MILLI) + 1000 * NANOS_PER_MILLI
    span = end - start

    def col(ts: int) -> int:
        return min(width - 1, max(0, (ts - start) * (width - 1) // span))

    axis = [" "] * width
    styles = [""] * width
    in_match = {ts for ts, _, _ in match}
    for ts, _ in sales:
        if start <= ts <= end and ts not in in_match:
            axis[col(ts)], styles[col(ts)] = "·", "dim"
    for ts, _, var in match:
        unusual = var == "UNUSUAL_SALE"
        axis[col(ts)] = "▲" if unusual else "o"
        styles[col(ts)] = "bold red" if unusual else "green"
    row = Text("  ")
    for ch, style in zip(axis, styles, strict=True):
        row.append(ch, style)
    a, b = col(first), col(first + within_ms * NANOS_PER_MILLI)
    bracket = " " * a + "└" + "─" * max(0, b - a - 1) + "┘"
    label = f" WITHIN {within_ms // 1000} s of the first row"
    lines = [
        Text(f"{user}'s sales around a match ({_time(start)} to {_time(end)}):", style="bold"),
        row,
        Text("  " + bracket),
        Text("  " + " " * a + label, style="dim"),
        Text.assemble(
            "  ",
            ("o", "green"),
            " TYPICAL_SALE  ",
            ("▲", "bold red"),
            " UNUSUAL_SALE  ",
            ("·", "dim"),
            " other sales of the user",
        ),  # fmt: skip
        Text(""),
        Text("  Rows each pattern variable took (CLASSIFIER(), ALL ROWS PER MATCH):", style="bold"),
    ]
    typical = [q for _, q, var in match if var == "TYPICAL_SALE"]
    for ts, quantity, var in match:
        style = "bold red" if var == "UNUSUAL_SALE" else "green"
        lines.append(Text.assemble(f"    {_time(ts)}  qty {quantity:>3}  ", (var, style)))
    if typical:
        avg = sum(typical) // len(typical)
        unusual = [q for _, q, var in match if var == "UNUSUAL_SALE"]
        lines.append(
            Text(
                f"  AVG over TYPICAL_SALE = {avg}; the UNUSUAL_SALE of "
                f"{unusual[0] if unusual else '?'} is more than 3 × {avg} = {avg * 3}.",
                style="dim",
            )
        )
    return lines
