"""Runs a guided walkthrough in the terminal: each step explains, shows its SQL highlighted, runs
it live on a session, draws its picture and waits; the user may edit the SQL and rerun it, or
open the shell with the step's tables defined. `--non-interactive` runs every step in turn."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console, Group
from rich.markdown import Markdown
from rich.panel import Panel
from rich.rule import Rule
from rich.syntax import Syntax
from rich.text import Text

from flinklite.cli import render
from flinklite.errors import FlinkliteError
from flinklite.results import ChangelogResult, JobSubmittedResult, StatusResult, TableResult
from flinklite.runtime.rows import KINDS, fold
from flinklite.tutorial import anomaly_detection as content
from flinklite.tutorial import pictures
from flinklite.tutorial.anomaly_detection import Step

COLUMN_WIDTH = 20  # narrower than the client's 30, so a step's table fits a laptop's terminal
HEAD = 10  # changes printed as they arrive before the rest is only counted
FINAL_ROWS = 10  # rows of a final result shown
NEXT, EDIT, RERUN, SHELL, QUIT = "next", "edit", "rerun", "shell", "quit"


@dataclass
class Source:
    """Where the sales come from: the built-in generator (bounded, one simulated minute) or a
    broker and registry, with `flinklite datagen` producing for the user."""

    bootstrap: str | None = None
    registry: str | None = None
    producer: Any = None

    @property
    def kafka(self) -> bool:
        return self.bootstrap is not None

    def table_sql(self, marker: str) -> str:
        if marker == "__SALES__":
            template = content.KAFKA_SALES if self.kafka else content.EMBEDDED_SALES
        else:
            template = content.KAFKA_SINK if self.kafka else content.EMBEDDED_SINK
        return template.format(bootstrap=self.bootstrap, registry=self.registry)

    def start(self, say: Callable[[str], None]) -> None:
        """Starts `flinklite datagen sales` on a thread: 100 sales a second, as the tutorial's."""
        if not self.kafka:
            return
        from flinklite.kafka.streamshub_producer import DatagenOptions, StreamsHubProducer

        self.producer = StreamsHubProducer(
            DatagenOptions(("sales",), self.bootstrap or "", registry_url=self.registry), say
        )
        self.producer.connect()
        threading.Thread(target=self.producer.run, name="tutorial-datagen", daemon=True).start()

    def stop(self) -> None:
        if self.producer is not None:
            self.producer.stop()


@dataclass
class Outcome:
    """What a step's statement gave: its columns and every change seen (for the pictures)."""

    columns: tuple[str, ...] = ()
    changes: list[tuple[str, tuple]] = field(default_factory=list)


class Walkthrough:
    def __init__(
        self,
        console: Console,
        session: Any,
        source: Source,
        *,
        interactive: bool,
        step_seconds: float,
        ask: Callable[[str], str] | None = None,
        edit: Callable[[str], str | None] | None = None,
        shell: Callable[[Any], None] | None = None,
    ) -> None:
        self.console = console
        self.session = session
        self.source = source
        self.interactive = interactive
        self.step_seconds = step_seconds
        self.ask = ask
        self.edit = edit
        self.shell = shell
        self.sales: list[tuple] = []  # every sale since the start, for pictures on Kafka
        self.collector: Any = None
        self.zone = render.local_time_zone(session.config)

    # --- the walk ------------------------------------------------------------------------------

    def run(self, steps: Sequence[Step] = content.STEPS) -> int:
        c = self.console
        c.print(Rule(f"flinklite tutorial · {content.TITLE}"))
        where = (
            f"the Kafka broker at {self.source.bootstrap}, schemas at {self.source.registry}"
            if self.source.kafka
            else "the built-in sales generator, one simulated minute (no broker needed)"
        )
        c.print(f"The sales come from {where}.")
        if self.interactive:
            c.print("After each step: Enter goes on, e edits the SQL and reruns it, r reruns, "
                    "s opens the shell with the tables defined, q quits.")  # fmt: skip
        for number, step in enumerate(steps, start=1):
            sql = self.source.table_sql(step.sql) if step.sql.startswith("__") else step.sql
            while True:
                self.show(number, len(steps), step, sql)
                outcome = self.execute(step, sql)
                self.picture(step, outcome)
                choice = self.choose()
                if choice == EDIT and self.edit is not None:
                    edited = self.edit(sql)
                    if edited and edited.strip():
                        sql = edited.strip().rstrip(";")
                    continue
                if choice == RERUN:
                    continue
                if choice == SHELL and self.shell is not None:
                    self.shell(self.session)
                    continue
                if choice == QUIT:
                    c.print("Left the walkthrough.")
                    return 0
                break
        if self.collector is not None:
            self.collector.cancel()
        c.print(Rule("The end"))
        c.print(
            "Every statement above runs unchanged in the flinklite shell, in a script with "
            "flinklite -f, and on Flink itself; sql/anomaly_detection_kafka.sql is the job on "
            "a Kafka broker (docs/tutorial-on-kafka.md)."
        )
        return 0

    def choose(self) -> str:
        if not self.interactive or self.ask is None:
            return NEXT
        answer = self.ask("[Enter] next · e edit · r rerun · s shell · q quit > ").strip().lower()
        return {"e": EDIT, "r": RERUN, "s": SHELL, "q": QUIT}.get(answer[:1], NEXT)

    def show(self, number: int, total: int, step: Step, sql: str) -> None:
        c = self.console
        c.print()
        c.print(Rule(f"Step {number} of {total} · {step.title}", align="left"))
        paragraphs = list(step.text)
        if self.source.kafka and step.kafka_note:
            paragraphs[-1] = step.kafka_note
        c.print(Markdown("\n\n".join(paragraphs)))
        c.print(
            Panel(
                Syntax(
                    sql + ";", "sql", theme="ansi_dark", background_color="default", word_wrap=True
                ),
                expand=False,
            )
        )

    # --- running a statement -------------------------------------------------------------------

    def execute(self, step: Step, sql: str) -> Outcome:
        try:
            result = self.session.execute_statement(sql)
        except FlinkliteError as e:
            self.console.print(Text(f"[ERROR] {e.render()}", style="red"))
            return Outcome()
        if isinstance(result, StatusResult):
            self.console.print(f"[INFO] {result.message}")
            if step.sql == "__SALES__" and self.source.kafka and self.collector is None:
                self.collect_sales()
            return Outcome()
        if isinstance(result, JobSubmittedResult):
            return self.follow_job(result)
        if isinstance(result, ChangelogResult):
            return self.stream(result, final=step.final)
        if isinstance(result, TableResult):
            self.console.print(render.render_table(result, time_zone=self.zone), soft_wrap=True)
        return Outcome()

    def stream(self, result: ChangelogResult, *, final: bool) -> Outcome:
        """Prints the first changes as they arrive, counts the rest, stops at the end of the
        input or after step_seconds (Ctrl-C stops it sooner)."""
        c = self.console
        types = result.types
        widths = [2, *render.column_widths_by_type(result.columns, types, COLUMN_WIDTH)]
        border = render.border_line(widths)
        c.print(border, soft_wrap=True)
        c.print(
            render.tableau_row([render.ROW_KIND_COLUMN, *result.columns], widths), soft_wrap=True
        )
        c.print(border, soft_wrap=True)
        outcome = Outcome(tuple(result.columns))
        deadline = time.monotonic() + self.step_seconds
        buffer, job = result.buffer, result.job
        try:
            while True:
                ended = buffer.ended or bool(getattr(job, "done", False))
                fresh = buffer.available(len(outcome.changes))
                for kind, row in fresh:
                    if len(outcome.changes) < HEAD:
                        cells = [render.format_value(v, t, time_zone=self.zone)
                                 for v, t in zip(row, types, strict=True)]  # fmt: skip
                        c.print(render.tableau_row([kind, *cells], widths), soft_wrap=True)
                    outcome.changes.append((kind, row))
                if ended and not fresh:
                    break
                if time.monotonic() > deadline:
                    break
                if not fresh:
                    time.sleep(0.05)
        except KeyboardInterrupt:
            c.print("(stopped)")
        finally:
            job.cancel()
        error = getattr(job, "error", None)
        c.print(border, soft_wrap=True)
        n = len(outcome.changes)
        if n > HEAD:
            c.print(f"... and {n - HEAD} more changes")
        kinds = Counter(kind for kind, _ in outcome.changes)
        counts = ", ".join(f"{k} {kinds[k]}" for k in KINDS if kinds[k])
        c.print(f"Received a total of {n} changes ({counts or 'none'})", highlight=False)
        if error is not None:
            c.print(Text(f"[ERROR] {error}", style="red"))
        if final and outcome.changes:
            self.final_rows(result, outcome)
        return outcome

    def collect_sales(self) -> None:
        """On Kafka every query starts at the latest offset, so the pictures' per-user history
        comes from one query that reads every sale from the walkthrough's start."""
        result = self.session.execute_statement("SELECT * FROM SalesRecordTable")
        self.collector = result.job

        def collect() -> None:
            for kind, row in result.changes():
                if kind == "+I":
                    self.sales.append(row)

        threading.Thread(target=collect, name="tutorial-sales", daemon=True).start()

    def final_rows(self, result: ChangelogResult, outcome: Outcome) -> None:
        rows = list(fold(outcome.changes).elements())
        rows.sort(key=lambda r: tuple(-v if isinstance(v, int) else 0 for v in r[1:]))
        self.console.print(
            f"The result once the input ended: {len(rows)} rows; the first {FINAL_ROWS}:"
        )
        shown = TableResult(tuple(result.columns), tuple(result.types), rows[:FINAL_ROWS])
        self.console.print(
            render.render_table(shown, max_width=COLUMN_WIDTH, time_zone=self.zone), soft_wrap=True
        )

    def follow_job(self, result: JobSubmittedResult) -> Outcome:
        c = self.console
        c.print(f"[INFO] Submitted job {result.job_id} ({result.job_name}).")
        jobs = self.session.execute_statement("SHOW JOBS")
        mine = [row for row in jobs.rows if row[0] == result.job_id]  # not the SELECTs' jobs
        c.print(render.render_result(TableResult(jobs.columns, jobs.types, mine)), soft_wrap=True)
        job = self.session.jobs.find(result.job_id)
        deadline = time.monotonic() + self.step_seconds
        try:
            while job is not None and not job.done and time.monotonic() < deadline:
                time.sleep(0.1)
        except KeyboardInterrupt:
            pass
        if job is not None and job.done:
            c.print(f"The job ended ({job.status}): its input, one simulated minute, ended.")
        elif job is not None:
            c.print(f"The job runs on ({job.status}); STOP JOB '{result.job_id}' ends it.")
        return Outcome()

    # --- pictures ------------------------------------------------------------------------------

    def picture(self, step: Step, outcome: Outcome) -> None:
        if step.picture is None or not outcome.changes:
            return
        draw = {
            "quantities": self._quantities,
            "running_average": self._running_average,
            "timeline": self._timeline,
        }[step.picture]
        lines = draw(outcome)
        if lines:
            self.console.print(Panel(Group(*lines), title="picture", expand=False))

    def _quantities(self, outcome: Outcome) -> list[Text]:
        at = outcome.columns.index("quantity")
        return pictures.quantities([int(row[at]) for _, row in outcome.changes])

    def _running_average(self, outcome: Outcome) -> list[Text]:
        user = outcome.changes[0][1][outcome.columns.index("user_id")]
        return pictures.running_average(user, self.user_sales(user))

    def _timeline(self, outcome: Outcome) -> list[Text]:
        columns = outcome.columns
        kind, row = outcome.changes[0]
        user = row[columns.index("user_id")]
        first = row[columns.index("avg_first_sale_tstamp")]
        invoice = row[columns.index("unusual_invoice_id")]
        sales = self.user_sales(user)
        return pictures.timeline(user, sales, self.match_rows(user, first, invoice))

    def user_sales(self, user: str) -> list[tuple[int, int]]:
        """(purchase_time, quantity) of a user's sales in time order."""
        if self.source.kafka:
            found = [(r[5], int(r[3])) for r in list(self.sales) if r[1] == user]
        else:
            found = self.query(content.USER_SALES.format(user=user))
        return sorted(found)

    def match_rows(self, user: str, first: int, invoice: str) -> list[tuple[int, int, str]]:
        """The rows of one match with the variable each took: from CLASSIFIER() where the input
        is bounded; on Kafka from the user's sales, in the order they were read (how rows with
        equal times are ordered), from the match's first row to its unusual sale."""
        if not self.source.kafka:
            rows = self.query(content.ROWS_PER_VARIABLE.format(user=user))
            match_no = next((m for _, ts, _, var, m in rows if ts == first), None)
            return sorted((ts, int(q), var) for _, ts, q, var, m in rows if m == match_no)
        mine = sorted((r for r in list(self.sales) if r[1] == user), key=lambda r: r[5])
        out: list[tuple[int, int, str]] = []
        for r in mine:
            if r[5] < first:
                continue
            unusual = r[0] == invoice
            out.append((r[5], int(r[3]), "UNUSUAL_SALE" if unusual else "TYPICAL_SALE"))
            if unusual:
                return out
        return []

    def query(self, sql: str) -> list[tuple]:
        """A bounded query's final rows, quietly."""
        result = self.session.execute_statement(sql)
        return list(fold(result.changes()).elements())
