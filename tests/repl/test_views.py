"""Specification of the shell's live result views: Flink's table-mode materialisation (updates
in place of retractions, FIFO cap, paging), the changelog tail, and both views driven by keys."""

from __future__ import annotations

import io
import re
import threading
import time

import pytest

from flinklite.catalog import types as T
from flinklite.config import Configuration
from flinklite.errors import ExecutionError
from flinklite.repl.materialize import (
    LAST_PAGE,
    ChangelogTail,
    MaterializedTable,
    RateMeter,
    page_count,
    page_rows,
)
from flinklite.repl.views import ChangelogView, TableView, make_view, run_live_view
from flinklite.results import ChangelogResult
from flinklite.runtime.collect import ResultBuffer

# --- materialisation ---------------------------------------------------------------------------


def test_update_removes_the_old_row_and_appends_the_new_one_as_flink_does():
    table = MaterializedTable()
    table.apply_all(
        [
            ("+I", ("alice", 1)),
            ("+I", ("bob", 1)),
            ("-U", ("alice", 1)),
            ("+U", ("alice", 2)),
        ]
    )
    assert table.rows() == [("bob", 1), ("alice", 2)]


def test_delete_removes_one_equal_row_the_newest():
    table = MaterializedTable()
    table.apply_all([("+I", ("a",)), ("+I", ("b",)), ("+I", ("a",)), ("+I", ("c",))])
    table.apply("-D", ("a",))
    assert table.rows() == [("a",), ("b",), ("c",)]
    table.apply("-D", ("a",))
    assert table.rows() == [("b",), ("c",)]


def test_retraction_of_an_unknown_row_is_ignored():
    table = MaterializedTable()
    table.apply("+I", ("a",))
    assert table.delete(("zzz",)) is False
    table.apply("-U", ("zzz",))
    assert table.rows() == [("a",)]


def test_cap_evicts_the_oldest_rows_first():
    table = MaterializedTable(max_rows=3)
    for i in range(5):
        table.apply("+I", (i,))
    assert table.rows() == [(2,), (3,), (4,)]
    assert table.evicted == 2
    # An evicted row can no longer be retracted; a held duplicate of it still can.
    table.apply("-D", (0,))
    assert table.rows() == [(2,), (3,), (4,)]


def test_cap_counts_rows_held_not_rows_received():
    table = MaterializedTable(max_rows=2)
    table.apply_all([("+I", ("a",)), ("+I", ("b",)), ("-D", ("a",)), ("+I", ("c",))])
    assert table.rows() == [("b",), ("c",)]
    assert table.evicted == 0
    table.apply_all([("-D", ("b",)), ("+I", ("d",)), ("+I", ("e",))])
    assert table.rows() == [("d",), ("e",)]
    assert table.evicted == 1


def test_eviction_keeps_the_newer_copy_of_a_duplicate():
    table = MaterializedTable(max_rows=2)
    table.apply_all([("+I", ("a",)), ("+I", ("a",)), ("+I", ("b",))])
    assert table.rows() == [("a",), ("b",)]
    table.apply("-D", ("a",))
    assert table.rows() == [("b",)]


def test_zero_or_negative_cap_means_unlimited():
    for cap in (0, -1):
        table = MaterializedTable(max_rows=cap)
        table.apply_all(("+I", (i,)) for i in range(50))
        assert len(table) == 50


def test_rows_with_arrays_and_maps_are_matched_by_value():
    table = MaterializedTable()
    table.apply_all(
        [("+I", ("x", [1, 2])), ("+I", ("y", {"k": 1})), ("-D", ("x", [1, 2])), ("+I", ("z", [3]))]
    )
    table.apply("-D", ("y", {"k": 1}))
    assert table.rows() == [("z", [3])]


def test_paging_counts_at_least_one_page_and_last_page_follows():
    assert page_count(0, 10) == 1
    assert page_count(10, 10) == 1
    assert page_count(11, 10) == 2
    rows = [(i,) for i in range(25)]
    assert page_rows(rows, LAST_PAGE, 10) == (3, rows[20:])
    assert page_rows(rows, 2, 10) == (2, rows[10:20])
    assert page_rows(rows, 9, 10) == (3, rows[20:])  # past the end: the last page
    assert page_rows([], LAST_PAGE, 10) == (1, [])


def test_changelog_tail_keeps_the_latest_changes_and_totals():
    tail = ChangelogTail(max_rows=3)
    tail.extend([("+I", (1,)), ("+I", (2,)), ("-U", (2,)), ("+U", (3,))])
    assert list(tail.changes) == [("+I", (2,)), ("-U", (2,)), ("+U", (3,))]
    assert tail.total == 4
    assert tail.counts == {"+I": 2, "-U": 1, "+U": 1, "-D": 0}


def test_rate_is_changes_per_second_over_the_last_five_seconds():
    meter = RateMeter()
    meter.update(0, 10.0)
    assert meter.rate is None
    meter.update(500, 12.0)
    assert meter.rate == 250.0
    meter.update(500, 13.0)
    assert meter.rate == 500 / 3
    meter.update(1000, 20.0)  # the window now starts at the reading of 13.0
    assert meter.rate == 500 / 7
    meter.update(1000, 30.0)
    assert meter.rate == 0.0


def test_a_source_that_delivers_in_batches_never_reads_zero_while_it_runs():
    # 100 changes every 2 s, refreshed every second: half the refreshes see no new change.
    meter = RateMeter()
    count = 0
    for second in range(1, 21):
        if second % 2 == 0:
            count += 100
        meter.update(count, float(second))
        if second >= 6:
            assert 40 <= meter.rate <= 60


# --- views over a result --------------------------------------------------------------------------


class StubJob:
    def __init__(self) -> None:
        self.done = False
        self.error = None
        self.cancelled = False
        self.status = "RUNNING"

    def cancel(self) -> None:
        self.cancelled = True


def make_result(changes, *, ended=True, columns=("user_id", "cnt")):
    buffer = ResultBuffer()
    job = StubJob()
    buffer.job = job
    for kind, row in changes:
        buffer.process(kind, row)
    if ended:
        buffer.finish()
        job.done = True
        job.status = "FINISHED"
    types = (T.string(), T.bigint())[: len(columns)]
    return ChangelogResult(tuple(columns), types, buffer, job, insert_only=False)


def clock(start=1735732800.0):
    ticks = iter(range(10**6))
    return lambda: start + next(ticks)


GROUP_BY = [
    ("+I", ("alice", 1)),
    ("+I", ("bob", 1)),
    ("-U", ("alice", 1)),
    ("+U", ("alice", 2)),
    ("+I", ("carol", 1)),
]


def test_table_view_shows_the_materialised_table_with_flinks_header_and_keys():
    view = TableView(make_result(GROUP_BY), Configuration(), clock=clock())
    view.refresh()
    text = view.screen_text(80, 12)
    lines = text.splitlines()
    assert lines[0].strip() == "SQL Query Result (Table)"
    assert lines[1].startswith(" Table program finished.")
    assert "Page: Last of 1" in lines[1]
    assert re.search(r"Updated: \d\d:\d\d:\d\d\.\d{3}$", lines[1])
    assert "Rows: 3   Received: 5 changes" in lines[2]
    body = [line.split() for line in lines[3:7]]
    assert body == [["user_id", "cnt"], ["bob", "1"], ["alice", "2"], ["carol", "1"]]
    assert lines[-2].split() == ["Q", "Quit", "+", "Inc", "Refresh", "G", "Goto", "Page"] + [
        "N",
        "Next",
        "Page",
        "O",
        "Open",
        "Row",
    ]
    assert lines[-1].split()[:2] == ["R", "Refresh"]
    assert len(view.screen(80, 12)) == 12


def test_table_view_refreshes_while_running_and_says_when_the_job_finished():
    result = make_result([("+I", ("alice", 1))], ended=False)
    view = TableView(result, Configuration(), clock=clock())
    view.refresh()
    assert view.screen_text(80, 10).splitlines()[1].startswith(" Refresh: 1 s")
    result.buffer.process("-U", ("alice", 1))
    result.buffer.process("+U", ("alice", 2))
    result.buffer.finish()
    result.job.done = True
    view.refresh()
    text = view.screen_text(80, 10)
    assert " Table program finished." in text
    assert "alice    2" in re.sub(r" +", "    ", text)
    assert "alice    1" not in re.sub(r" +", "    ", text)


def test_table_view_pages_to_the_terminal_height():
    rows = [("+I", (f"user-{i}", i)) for i in range(25)]
    view = TableView(make_result(rows), Configuration(), clock=clock())
    view.refresh()
    # 16 lines: title, status, info, column names, two footer lines leave 10 rows a page.
    text = view.screen_text(80, 16)
    assert "Page: Last of 3" in text and "user-24" in text and "user-19" not in text
    view.press("p")
    text = view.screen_text(80, 16)
    assert "Page: 2 of 3" in text and "user-10" in text and "user-19" in text
    view.press("p")
    view.press("p")
    assert "Page: 1 of 3" in view.screen_text(80, 16)
    view.press("n")
    assert "Page: 2 of 3" in view.screen_text(80, 16)
    view.press("l")
    assert "Page: Last of 3" in view.screen_text(80, 16)
    for key in ("g", "1", "enter"):
        view.press(key)
    assert "Page: 1 of 3" in view.screen_text(80, 16)
    view.press("g")
    assert "Enter page number: [1 to 3]" in view.screen_text(80, 16)
    for key in ("9", "enter"):  # out of range: ignored
        view.press(key)
    assert "Page: 1 of 3" in view.screen_text(80, 16)


def test_table_view_caps_rows_at_the_configured_maximum():
    config = Configuration({"sql-client.execution.max-table-result.rows": "2"})
    rows = [("+I", (f"user-{i}", i)) for i in range(5)]
    view = TableView(make_result(rows), config, clock=clock())
    view.refresh()
    text = view.screen_text(80, 12)
    assert "Rows: 2" in text and "Oldest 3 rows dropped (limit 2)" in text
    assert "user-3" in text and "user-4" in text and "user-2" not in text


def test_refresh_interval_keys_follow_flinks_steps():
    view = TableView(make_result([], ended=False), Configuration(), clock=clock())
    view.refresh()
    assert "Refresh: 1 s" in view.screen_text(80, 10)
    view.press("+")
    assert "Refresh: 5 s" in view.screen_text(80, 10)
    for _ in range(5):
        view.press("-")
    assert "Refresh: 100 ms" in view.screen_text(80, 10)  # table mode's fastest
    for _ in range(9):
        view.press("+")
    assert "Refresh: -" in view.screen_text(80, 10)
    assert view.due(10**10) is False


def test_open_shows_the_selected_row_vertically_and_any_key_returns():
    view = TableView(make_result(GROUP_BY), Configuration(), clock=clock())
    view.refresh()
    view.screen(80, 12)
    view.press("o")  # no row selected: nothing to open
    assert view.opened is None
    view.press("s")  # selects the first row of the page
    view.press("s")
    view.press("o")
    text = view.screen_text(80, 12)
    assert text.splitlines()[0].strip() == "Row Summary"
    assert " user_id (STRING):\n alice\n\n cnt (BIGINT):\n 2" in text
    assert view.press("x") is None
    assert "SQL Query Result (Table)" in view.screen_text(80, 12)


def test_values_use_flinks_rendering_and_the_column_width_limit():
    config = Configuration({"sql-client.display.max-column-width": "8"})
    result = make_result([("+I", ("a-very-long-user-name", None))])
    view = TableView(result, config, clock=clock())
    view.refresh()
    text = view.screen_text(80, 10)
    assert "a-ver... <NULL>" in re.sub(r" +", " ", text)


def test_changelog_view_shows_the_latest_changes_newest_last_with_op():
    view = ChangelogView(make_result(GROUP_BY), Configuration(), clock=clock())
    view.refresh()
    lines = view.screen_text(80, 10).splitlines()
    assert lines[0].strip() == "SQL Query Result (Changelog)"
    assert lines[1].startswith(" Table program finished.")
    assert "Received: 5 changes (+I 3, -U 1, +U 1, -D 0)" in lines[2]
    # 10 lines leave 4 for changes: the newest four, oldest first.
    assert [line.split() for line in lines[3:8]] == [
        ["op", "user_id", "cnt"],
        ["+I", "bob", "1"],
        ["-U", "alice", "1"],
        ["+U", "alice", "2"],
        ["+I", "carol", "1"],
    ]
    assert lines[-2].split() == ["Q", "Quit", "+", "Inc", "Refresh", "O", "Open", "Row"]


def test_changelog_view_starts_at_fastest_and_scrolls_with_the_selection():
    running = ChangelogView(make_result(GROUP_BY, ended=False), Configuration(), clock=clock())
    running.refresh()
    assert running.screen_text(80, 10).splitlines()[1].startswith(" Refresh: Fastest")
    view = ChangelogView(make_result(GROUP_BY), Configuration(), clock=clock())
    view.refresh()
    view.screen(80, 10)
    view.press("w")  # selects the bottom line
    view.press("w")
    view.press("w")
    view.press("w")
    view.press("w")  # past the top: scrolls to the oldest change
    lines = view.screen_text(80, 10).splitlines()
    assert lines[4].split() == ["+I", "alice", "1"]
    view.press("enter")
    assert " alice\n" in view.screen_text(80, 10)


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="tableau"):
        make_view(make_result([]), "tableau", Configuration())


# --- driven through prompt-toolkit ---------------------------------------------------------------


def run_driven(result, mode, keys, *, size=(14, 80), monkeypatch):
    """Runs the view on a pipe input, typing each chunk of `keys` after a pause; answers the
    text of every screen drawn and the errors raised."""
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output.vt100 import Vt100_Output

    import flinklite.repl.views as views

    screens: list[str] = []

    def recording_view(*args, **kwargs):
        view = make_view(*args, **kwargs)
        draw = view.screen

        def screen(width, height):
            lines = draw(width, height)
            screens.append("\n".join("".join(t for _, t in line).rstrip() for line in lines))
            return lines

        view.screen = screen
        return view

    monkeypatch.setattr(views, "make_view", recording_view)
    output = Vt100_Output(
        io.StringIO(), lambda: Size(rows=size[0], columns=size[1]), term="xterm", enable_cpr=False
    )
    errors: list[BaseException] = []
    with create_pipe_input() as pipe:
        done = threading.Event()

        def run() -> None:
            try:
                run_live_view(result, mode, config=Configuration(), output=output, input=pipe)
            except BaseException as e:  # noqa: BLE001 - reported by the test
                errors.append(e)
            done.set()

        thread = threading.Thread(target=run, daemon=True)
        thread.start()
        for chunk in keys:  # one screen per chunk, as a user types
            time.sleep(0.3)
            pipe.send_text(chunk)
        assert done.wait(10), "the view did not close"
    return screens, errors


def test_driven_table_view_stays_after_the_job_ended_until_q(monkeypatch):
    result = make_result(GROUP_BY)
    screens, errors = run_driven(result, "table", ["q"], monkeypatch=monkeypatch)
    assert errors == []
    text = screens[-1]
    assert "SQL Query Result (Table)" in text
    assert "Table program finished." in text and "Page: Last of 1" in text
    assert "alice" in text and "carol" in text
    assert result.job.cancelled


def test_driven_changelog_view_opens_a_row_and_leaves_on_ctrl_c(monkeypatch):
    result = make_result(GROUP_BY)
    screens, errors = run_driven(result, "changelog", ["wo", "x", "\x03"], monkeypatch=monkeypatch)
    assert errors == []
    assert "Received: 5 changes" in screens[0]
    opened = [s for s in screens if "Row Summary" in s]
    assert opened and " user_id (STRING):\n carol\n\n cnt (BIGINT):\n 1" in opened[0]
    assert "SQL Query Result (Changelog)" in screens[-1]
    assert result.job.cancelled


def test_driven_view_raises_the_error_of_a_failed_job(monkeypatch):
    result = make_result([("+I", ("alice", 1))], ended=False)
    result.job.error = ExecutionError("Job 'collect' failed: boom")
    result.job.done = True
    _, errors = run_driven(result, "table", [], monkeypatch=monkeypatch)
    assert [str(e) for e in errors] and "boom" in str(errors[0])


def test_driven_view_over_a_real_streaming_group_by(monkeypatch):
    from flinklite.session import Session

    session = Session()
    session.execute_statement(
        "CREATE TABLE Sales (invoice_id STRING, user_id STRING, product_id STRING, "
        "quantity STRING, unit_cost STRING) WITH ('connector' = 'flinklite-generator', "
        "'data' = 'sales', 'clock' = 'simulated', 'seed' = '42', "
        "'start-time' = '2025-01-01 00:00:00', 'number-of-rows' = '300')"
    )
    result = session.execute_statement(
        "SELECT user_id, COUNT(*) AS cnt FROM Sales GROUP BY user_id"
    )
    assert result.job.wait(10)
    screens, errors = run_driven(result, "table", ["q"], size=(24, 80), monkeypatch=monkeypatch)
    assert errors == []
    text = screens[-1]
    assert "Rows: 97   Received: 503 changes" in text
    assert "Page: Last of 6" in text


def test_cells_that_changed_since_the_last_refresh_are_highlighted():
    result = make_result([("+I", ("alice", 1)), ("+I", ("bob", 1))], ended=False)
    view = TableView(result, Configuration(), clock=clock())
    view.refresh()
    view.screen(80, 10)
    result.buffer.process("-U", ("bob", 1))
    result.buffer.process("+U", ("bob", 2))
    view.refresh()
    rows = view.screen(80, 10)[4:6]
    changed = [[t.strip() for s, t in line if s == "class:changed"] for line in rows]
    assert changed == [[], ["2"]]  # bob's row is still second; only its count changed
    result.buffer.process("+I", ("carol", 7))
    view.refresh()
    rows = view.screen(80, 10)[4:7]
    changed = [[t.strip() for s, t in line if s == "class:changed"] for line in rows]
    assert changed == [[], [], ["carol", "7"]]


def test_views_show_the_results_watermark_once_one_arrived():
    result = make_result([("+I", ("user-1", 1))], ended=False)
    for mode in ("table", "changelog"):
        view = make_view(result, mode, Configuration())
        view.refresh()
        assert "Watermark" not in view.screen_text(120, 20)
    result.buffer.on_watermark(1_735_689_601_000)
    for mode in ("table", "changelog"):
        view = make_view(result, mode, Configuration())
        view.refresh()
        assert "Watermark: 2025-01-01 00:00:01.000" in view.screen_text(120, 20)
