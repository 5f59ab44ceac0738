"""The shell's live result views, as Flink's SQL client shows a running query: `table` mode (the
changelog materialised into a paged table, refreshed in place) and `changelog` mode (the latest
changes with an `op` column).

A view is state plus a pure `screen(width, height)`; `run_live_view` shows it in a full-screen
prompt-toolkit application, whose renderer rewrites only the cells that changed (no flicker)."""

from __future__ import annotations

import asyncio
import datetime as _dt
import time
from collections.abc import Callable, Sequence
from typing import Any

from flinklite.cli import render
from flinklite.repl.materialize import (
    LAST_PAGE,
    ChangelogTail,
    MaterializedTable,
    RateMeter,
    page_count,
    page_rows,
)
from flinklite.results import ChangelogResult
from flinklite.runtime.rows import Row

Line = list[tuple[str, str]]  # prompt-toolkit (style, text) fragments of one screen line

# Flink's CliResultView.REFRESH_INTERVALS: shown name and seconds; None = only on `r`.
REFRESH_INTERVALS: tuple[tuple[str, float | None], ...] = (
    ("Fastest", 0.0),
    ("100 ms", 0.1),
    ("500 ms", 0.5),
    ("1 s", 1.0),
    ("5 s", 5.0),
    ("10 s", 10.0),
    ("1 min", 60.0),
    ("-", None),
)
# Like Flink, even "Fastest" redraws at most every 100 ms: a terminal cannot show more.
MIN_REDRAW_S = 0.1

TITLE = "SQL Query Result"
STOPPED = "Table program finished."
UNKNOWN = "Unknown"
ROW_TITLE = "Row Summary"
ROW_FOOTER = "Press any key to go back."
GOTO_PROMPT = "Enter page number:"
GOTO_HELP = "Press Enter to submit. Press ESC or submit an empty string to cancel."
MAX_TABLE_ROWS_KEY = "sql-client.execution.max-table-result.rows"

STYLE = {
    "title": "reverse",
    "status": "reverse",
    "column": "underline",
    "selected": "reverse",
    "changed": "bold",
    "key": "reverse",
    "field": "bold",
}

QUIT = "quit"  # what `press` answers when the view is to be left


class LiveView:
    """What table and changelog views share: the result's schema and rendering options,
    retrieval from the result buffer, the refresh interval, row selection and the row view."""

    title = TITLE
    default_interval = 3  # "1 s"
    min_interval = 1
    help_options: tuple[tuple[str, str], ...] = ()

    def __init__(
        self, result: ChangelogResult, config: Any, *, clock: Callable[[], float] = time.time
    ) -> None:
        self.result = result
        self.columns = tuple(result.columns)
        self.types = tuple(result.types)
        self.time_zone = render.local_time_zone(config)
        max_width = render.max_column_width(config)
        # Widths come from the types, fixed before any row arrives, as Flink's views do.
        self.widths = render.column_widths_by_type(self.columns, self.types, max_width)
        self.clock = clock
        self.interval = self.default_interval
        self.received = 0
        self.meter = RateMeter()
        self.updated: float | None = None
        self.retrieving = True  # False once the job has ended and all its changes are in
        self.error: BaseException | None = None
        self.selected: int | None = None
        self.offset_x = 0
        self.opened: list[str] | None = None  # the row shown vertically, as cell texts

    # --- retrieval ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Takes in the changes received since the last refresh."""
        if not self.retrieving:
            return
        buffer, job = self.result.buffer, self.result.job
        # Read "ended" first: every change made before the end is then in `available`.
        ended = buffer.ended or bool(getattr(job, "done", False))
        changes = buffer.available(self.received)
        self.received += len(changes)
        self.consume(changes)
        now = self.clock()
        self.meter.update(self.received, now)
        self.updated = now
        if ended:
            self.retrieving = False
            self.error = getattr(job, "error", None)

    def consume(self, changes: list[tuple[str, Row]]) -> None:
        raise NotImplementedError

    def interval_seconds(self) -> float | None:
        return REFRESH_INTERVALS[self.interval][1]

    def due(self, now: float) -> bool:
        """Whether an automatic refresh is due at `now`."""
        seconds = self.interval_seconds()
        if not self.retrieving or seconds is None:
            return False
        return self.updated is None or now - self.updated >= max(seconds, MIN_REDRAW_S)

    # --- keys ----------------------------------------------------------------------------------

    def press(self, key: str) -> str | None:
        """Acts on a key (a character, or a prompt-toolkit key name such as 'up', 'enter',
        'escape', 'c-c'); answers QUIT when the view is to be left."""
        if self.opened is not None:
            self.opened = None  # any key leaves the row view
            return None
        if key in ("q", "Q", "escape", "c-c"):
            return QUIT
        if key in ("r", "R", "f5"):
            self.refresh()
        elif key == "+":
            self.interval = min(len(REFRESH_INTERVALS) - 1, self.interval + 1)
        elif key == "-":
            self.interval = max(self.min_interval, self.interval - 1)
        elif key in ("w", "W", "up"):
            self.select_up()
        elif key in ("s", "S", "down"):
            self.select_down()
        elif key in ("a", "A", "left"):
            self.offset_x = max(0, self.offset_x - 1)
        elif key in ("d", "D", "right"):
            self.offset_x = min(max(0, self.main_width() - 1), self.offset_x + 1)
        elif key in ("o", "O", "enter"):
            self.open_row()
        return None

    def select_up(self) -> None:
        n = self.visible_count()
        if n == 0:
            return
        self.selected = n - 1 if self.selected is None else max(0, self.selected - 1)

    def select_down(self) -> None:
        n = self.visible_count()
        if n == 0:
            return
        self.selected = 0 if self.selected is None else min(n - 1, self.selected + 1)

    def open_row(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.opened = self.cells(row)

    def visible_count(self) -> int:
        raise NotImplementedError

    def selected_row(self) -> Row | None:
        raise NotImplementedError

    def main_width(self) -> int:
        return sum(w + 1 for w in self.widths)

    # --- drawing -------------------------------------------------------------------------------

    def cells(self, row: Row) -> list[str]:
        zone = self.time_zone
        return [
            render.format_value(v, t, time_zone=zone) for v, t in zip(row, self.types, strict=False)
        ]

    def screen(self, width: int, height: int) -> list[Line]:
        """The whole screen: exactly `height` lines, none wider than `width`."""
        width, height = max(1, width), max(1, height)
        if self.opened is not None:
            lines = self.row_screen(width, height)
        else:
            lines = self.result_screen(width, height)
        return [_clip(line, 0, width) for line in lines[:height]]

    def screen_text(self, width: int, height: int) -> str:
        """The screen as plain text, trailing blanks dropped (for tests and documentation)."""
        return "\n".join(
            "".join(text for _, text in line).rstrip() for line in self.screen(width, height)
        ).rstrip("\n")

    def result_screen(self, width: int, height: int) -> list[Line]:
        raise NotImplementedError

    def title_line(self, width: int, title: str) -> Line:
        margin = max(0, width - len(title))
        return [("class:title", " " * (margin // 2) + title + " " * (margin - margin // 2))]

    def refresh_label(self) -> str:
        if self.retrieving:
            return " Refresh: " + REFRESH_INTERVALS[self.interval][0]
        return " " + STOPPED

    def updated_label(self) -> str:
        if self.updated is None:
            return f"Updated: {UNKNOWN} "
        stamp = _dt.datetime.fromtimestamp(self.updated)
        return f"Updated: {stamp:%H:%M:%S}.{stamp.microsecond // 1000:03d} "

    def watermark_label(self) -> str:
        """The result's current watermark as a timestamp (UTC), '-' before the first one."""
        wm = getattr(self.result.buffer, "watermark", None)
        if wm is None or wm <= -(2**62):
            return "-"
        if wm >= 2**62:
            return "end of input"
        moment = _dt.datetime(1970, 1, 1) + _dt.timedelta(milliseconds=wm)
        return moment.isoformat(sep=" ", timespec="milliseconds")

    def watermark_part(self) -> str:
        label = self.watermark_label()
        return "" if label == "-" else f"   Watermark: {label}"

    def rate_label(self) -> str:
        rate = self.meter.rate
        return "-" if rate is None or not self.retrieving else f"{rate:.0f} rows/s"

    def column_header(self, names: Sequence[str], widths: Sequence[int]) -> Line:
        line: Line = []
        for name, w in zip(names, widths, strict=True):
            line += [("", " "), ("class:column", _fit(name, w))]
        return line

    def row_line(
        self, cells: Sequence[str], widths: Sequence[int], selected: bool, changed: set[int]
    ) -> Line:
        if selected:
            return [
                (
                    "class:selected",
                    "".join(" " + _fit(c, w) for c, w in zip(cells, widths, strict=True)),
                )
            ]
        line: Line = []
        for i, (cell, w) in enumerate(zip(cells, widths, strict=True)):
            line += [("", " "), ("class:changed" if i in changed else "", _fit(cell, w))]
        return line

    def footer(self, width: int) -> list[Line]:
        """Flink's two lines of key help: options go down, then across."""
        options = self.help_options
        columns = (len(options) + 1) // 2
        space = max(1, (width - 1 - columns * 13) // columns)
        lines: list[Line] = [[], []]
        for i, (key, name) in enumerate(options):
            lines[i % 2] += [("class:key", key), ("", " " + name + " " * (11 - len(name) + space))]
        return lines

    def row_screen(self, width: int, height: int) -> list[Line]:
        lines: list[Line] = [self.title_line(width, ROW_TITLE), []]
        for name, t, cell in zip(self.columns, self.types, self.opened or (), strict=False):
            lines.append([("class:field", f" {name} ({t.summary()}):")])
            lines.append([("", " " + cell)])
            lines.append([])
        body = lines[: height - 1]
        return body + [[]] * (height - 1 - len(body)) + [[("", " " + ROW_FOOTER)]]

    def layout(
        self, width: int, height: int, head: list[Line], main: list[Line], foot: list[Line]
    ) -> list[Line]:
        """Header lines, the main part scrolled by `offset_x`, blank padding, the footer."""
        shown = [_clip(line, self.offset_x, width) for line in main]
        padding = height - len(head) - len(shown) - len(foot)
        return head + shown + [[]] * max(0, padding) + foot


class TableView(LiveView):
    """Flink's `table` result mode: the changelog materialised into a table (at most
    `sql-client.execution.max-table-result.rows` rows, oldest dropped first), shown a page at a
    time; it starts on the last page and follows it as rows arrive."""

    title = f"{TITLE} (Table)"
    default_interval = 3  # "1 s"
    min_interval = 1  # "100 ms"
    help_options = (
        ("Q", "Quit"),
        ("R", "Refresh"),
        ("+", "Inc Refresh"),
        ("-", "Dec Refresh"),
        ("G", "Goto Page"),
        ("L", "Last Page"),
        ("N", "Next Page"),
        ("P", "Prev Page"),
        ("O", "Open Row"),
    )

    def __init__(
        self, result: ChangelogResult, config: Any, *, clock: Callable[[], float] = time.time
    ) -> None:
        super().__init__(result, config, clock=clock)
        self.table = MaterializedTable(_max_rows(config))
        self.snapshot: list[Row] = []
        self.page = LAST_PAGE
        self.pages = 1  # page count at the last drawn page size
        self.page_size = 1
        self.goto: str | None = None  # the page number being typed after `g`
        self._drawn: tuple[int, list[list[str]]] | None = None  # page number, its cells
        self._before: tuple[int, list[list[str]]] | None = None  # the same at the last refresh
        self._page_rows: list[Row] = []

    def consume(self, changes: list[tuple[str, Row]]) -> None:
        self.table.apply_all(changes)
        self.snapshot = self.table.rows()
        self._before = self._drawn

    # --- keys ----------------------------------------------------------------------------------

    def press(self, key: str) -> str | None:
        if self.goto is not None and self.opened is None:
            self.type_page(key)
            return None
        if self.opened is None:
            if key in ("n", "N"):
                current = self.pages if self.page == LAST_PAGE else self.page
                self.page = min(self.pages, current + 1)
                return None
            if key in ("p", "P"):
                current = self.pages if self.page == LAST_PAGE else self.page
                self.page = max(1, current - 1)
                return None
            if key in ("l", "L", "end"):
                self.page = LAST_PAGE
                return None
            if key in ("g", "G"):
                self.goto = ""
                return None
        return super().press(key)

    def type_page(self, key: str) -> None:
        text = self.goto or ""
        if key.isdigit() and len(key) == 1:
            self.goto = text + key
        elif key in ("backspace", "c-h"):
            self.goto = text[:-1]
        elif key in ("escape", "c-c", "q", "Q"):
            self.goto = None
        elif key == "enter":
            self.goto = None
            if text and 1 <= int(text) <= self.pages:
                self.page = int(text)

    def visible_count(self) -> int:
        return len(self._page_rows)

    def selected_row(self) -> Row | None:
        if self.selected is None or self.selected >= len(self._page_rows):
            return None
        return self._page_rows[self.selected]

    # --- drawing -------------------------------------------------------------------------------

    def result_screen(self, width: int, height: int) -> list[Line]:
        self.page_size = max(1, height - 6)  # title, status, info, column names, two of help
        self.pages = page_count(len(self.snapshot), self.page_size)
        if self.page != LAST_PAGE and self.page > self.pages:
            self.page = LAST_PAGE
        shown, rows = page_rows(self.snapshot, self.page, self.page_size)
        self._page_rows = rows
        if self.selected is not None and self.selected >= len(rows):
            self.selected = None
        cells = [self.cells(r) for r in rows]
        before = self._before[1] if self._before and self._before[0] == shown else None
        self._drawn = (shown, cells)
        main = [self.column_header(self.columns, self.widths)]
        for i, row_cells in enumerate(cells):
            changed: set[int] = set()
            if before is not None and self.retrieving:
                old = before[i] if i < len(before) else None
                changed = {j for j, c in enumerate(row_cells) if old is None or old[j] != c}
            main.append(self.row_line(row_cells, self.widths, i == self.selected, changed))
        head = [self.title_line(width, self.title), self.status_line(width), self.info_line()]
        return self.layout(width, height, head, main, self.table_footer(width))

    def status_line(self, width: int) -> Line:
        # Flink's layout: the page in the middle, the refresh interval left, the time right.
        left = self.refresh_label()
        page = "Last" if self.page == LAST_PAGE else str(self.page)
        middle = f"Page: {page} of {self.pages}"
        right = self.updated_label()
        text = left + " " * max(1, (width - len(middle)) // 2 - len(left)) + middle
        text += " " * max(1, width - len(text) - len(right)) + right
        return [("class:status", text)]

    def info_line(self) -> Line:
        text = (
            f" Rows: {len(self.table)}   Received: {self.received} changes"
            f"   Rate: {self.rate_label()}{self.watermark_part()}"
        )
        if self.table.evicted:
            text += f"   Oldest {self.table.evicted} rows dropped (limit {self.table.max_rows})"
        return [("", text)]

    def table_footer(self, width: int) -> list[Line]:
        if self.goto is None:
            return self.footer(width)
        prompt = f" {GOTO_PROMPT} [1 to {self.pages}] {self.goto}"
        return [[("", prompt)], [("", " " + GOTO_HELP)]]


class ChangelogView(LiveView):
    """Flink's `changelog` result mode: the latest 1000 changes, newest at the bottom, each
    with its row kind in an `op` column, and the totals received of each kind."""

    title = f"{TITLE} (Changelog)"
    default_interval = 0  # "Fastest"
    min_interval = 0
    help_options = (
        ("Q", "Quit"),
        ("R", "Refresh"),
        ("+", "Inc Refresh"),
        ("-", "Dec Refresh"),
        ("O", "Open Row"),
    )

    def __init__(
        self, result: ChangelogResult, config: Any, *, clock: Callable[[], float] = time.time
    ) -> None:
        super().__init__(result, config, clock=clock)
        self.tail = ChangelogTail()
        self.offset_y: int | None = None  # first change shown; None follows the newest
        self.kind_width = len(render.ROW_KIND_COLUMN)
        self._visible: list[tuple[str, Row]] = []
        self._first = 0  # index in the tail of the first change shown

    def consume(self, changes: list[tuple[str, Row]]) -> None:
        if changes:
            self.tail.extend(changes)
            # New changes scroll the view to the bottom and drop the selection, as in Flink.
            self.offset_y = None
            self.selected = None

    def select_up(self) -> None:
        if self.selected == 0 and self.offset_y != 0 and self._visible:
            self.offset_y = max(0, self._first - 1)  # scroll up past the top line
            return
        super().select_up()

    def select_down(self) -> None:
        n = len(self._visible)
        if self.selected == n - 1 and n and self._first + n < len(self.tail):
            self.offset_y = self._first + 1
            return
        super().select_down()

    def visible_count(self) -> int:
        return len(self._visible)

    def main_width(self) -> int:
        return super().main_width() + self.kind_width + 1

    def selected_row(self) -> Row | None:
        if self.selected is None or self.selected >= len(self._visible):
            return None
        return self._visible[self.selected][1]

    def result_screen(self, width: int, height: int) -> list[Line]:
        size = max(1, height - 6)
        changes = self.tail.changes
        last_start = max(0, len(changes) - size)
        first = last_start if self.offset_y is None else min(self.offset_y, last_start)
        self._first = first
        self._visible = [changes[i] for i in range(first, min(len(changes), first + size))]
        if self.selected is not None and self.selected >= len(self._visible):
            self.selected = None
        widths = [self.kind_width, *self.widths]
        main = [self.column_header([render.ROW_KIND_COLUMN, *self.columns], widths)]
        for i, (kind, row) in enumerate(self._visible):
            main.append(self.row_line([kind, *self.cells(row)], widths, i == self.selected, set()))
        head = [self.title_line(width, self.title), self.status_line(width), self.info_line()]
        return self.layout(width, height, head, main, self.footer(width))

    def status_line(self, width: int) -> Line:
        left, right = self.refresh_label(), self.updated_label()
        return [("class:status", left + " " * max(1, width - len(left) - len(right)) + right)]

    def info_line(self) -> Line:
        counts = self.tail.counts
        kinds = ", ".join(f"{k} {n}" for k, n in counts.items())
        return [
            (
                "",
                f" Received: {self.tail.total} changes ({kinds})   Rate: {self.rate_label()}"
                f"{self.watermark_part()}",
            )
        ]


# --- the application -----------------------------------------------------------------------------


def make_view(
    result: ChangelogResult, mode: str, config: Any, *, clock: Callable[[], float] = time.time
) -> LiveView:
    """The view for a result mode: 'table' or 'changelog'."""
    kind = mode.strip().lower()
    if kind == "table":
        return TableView(result, config, clock=clock)
    if kind == "changelog":
        return ChangelogView(result, config, clock=clock)
    raise ValueError(f"Unknown live result mode '{mode}'; expected 'table' or 'changelog'.")


# Keys the views act on besides printable characters, which arrive through Keys.Any.
_NAMED_KEYS = (
    "up",
    "down",
    "left",
    "right",
    "end",
    "f5",
    "enter",
    "escape",
    "c-c",
    "backspace",
)


def run_live_view(
    result: ChangelogResult, mode: str, *, config: Any, output: Any = None, input: Any = None
) -> None:
    """Shows a running query in `mode` ('table' or 'changelog') until the user presses q, Esc
    or Ctrl-C, also after the job has ended (its final state stays on screen). Leaving the view
    cancels the query's job, as Flink's client does. A job that fails leaves the view and its
    error is raised. `output` / `input` are prompt-toolkit Output / Input (tests pass a pipe)."""
    from prompt_toolkit.application import Application
    from prompt_toolkit.formatted_text import to_formatted_text
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys
    from prompt_toolkit.layout import Layout
    from prompt_toolkit.layout.containers import Window
    from prompt_toolkit.layout.controls import FormattedTextControl
    from prompt_toolkit.styles import Style

    view = make_view(result, mode, config)
    view.refresh()
    bindings = KeyBindings()

    def handle(name: str, event: Any) -> None:
        if view.press(name) == QUIT:
            event.app.exit()

    @bindings.add(Keys.Any)
    def _(event: Any) -> None:
        handle(event.data, event)

    for key_name in _NAMED_KEYS:
        bindings.add(key_name, eager=key_name != "escape")(
            lambda event, name=key_name: handle(name, event)
        )

    def text() -> Any:
        size = app.output.get_size()
        fragments: list[tuple[str, str]] = []
        for i, line in enumerate(view.screen(size.columns, size.rows)):
            if i:
                fragments.append(("", "\n"))
            fragments.extend(line)
        return to_formatted_text(fragments)

    app: Application[None] = Application(
        layout=Layout(Window(FormattedTextControl(text, show_cursor=False), wrap_lines=False)),
        key_bindings=bindings,
        style=Style.from_dict(STYLE),
        full_screen=True,
        mouse_support=False,
        input=input,
        output=output,
    )

    async def refresh_loop() -> None:
        while True:
            seconds = view.interval_seconds()
            await asyncio.sleep(MIN_REDRAW_S if not seconds else min(seconds, MIN_REDRAW_S))
            if view.due(view.clock()):
                view.refresh()
                app.invalidate()
            if view.error is not None:
                app.exit()
                return

    def start() -> None:
        size = app.output.get_size()
        view.screen(size.columns, size.rows)  # keys typed ahead then act on the first page
        app.create_background_task(refresh_loop())

    try:
        app.run(pre_run=start)
    finally:
        result.job.cancel()
    if view.error is not None:
        raise view.error


# --- text helpers --------------------------------------------------------------------------------


def _max_rows(config: Any) -> int:
    raw = config.get(MAX_TABLE_ROWS_KEY) if config is not None else None
    try:
        return int(str(raw).strip()) if raw is not None else 1_000_000
    except ValueError:
        return 1_000_000


def _fit(text: str, width: int) -> str:
    """A cell right-aligned in `width` columns, cut with `...` when too wide (as tableau)."""
    w = render.display_width(text)
    if w <= width:
        return " " * (width - w) + text
    if width <= len(render.TRUNCATED):
        return text[:width]
    room = width - len(render.TRUNCATED)
    cut = text[:room]  # a character takes at least one column
    while cut and render.display_width(cut) > room:
        cut = cut[:-1]
    return " " * (room - render.display_width(cut)) + cut + render.TRUNCATED


def _clip(line: Line, start: int, width: int) -> Line:
    """The part of a line from character `start`, at most `width` characters long."""
    out: Line = []
    pos, end = 0, start + width
    for style, text in line:
        n = len(text)
        lo, hi = max(start, pos), min(end, pos + n)
        if lo < hi:
            out.append((style, text[lo - pos : hi - pos]))
        pos += n
        if pos >= end:
            break
    return out
