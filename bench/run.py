"""flinklite side by side with real Apache Flink: the same SQL over the same sales CSV, timed.

Run: python3 bench/run.py [--sizes 10000,1000000] [--no-flink] [--repeat N] [--json out.json]"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
QUERIES = BENCH / "queries"
DEFAULT_DATA_DIR = BENCH / ".data"
DEFAULT_FLINK_VENV = Path("/tmp/flink-oracle-venv")
ORACLE_DIRS = (Path("/work/shared/tools/flink-oracle"), ROOT.parent / "shared/tools/flink-oracle")
# The query whose state is one entry per key: its peak RSS should not grow with the input.
KEYED_QUERY = "group_agg"
# The tutorial's aggregate first, then the stateless query; any others after, by name.
QUERY_ORDER = ("group_agg", "filter_project", "match_recognize")
TAIL_LINES = 15


@dataclass(slots=True)
class Measurement:
    """One child process run to its end: whole-process wall time and that child's peak RSS."""

    ok: bool
    wall_s: float
    peak_rss_mb: float
    exit_code: int
    error: str = ""
    # user + system CPU of the child (and of the children it waited for): steadier than wall
    # time on a busy machine
    cpu_s: float = 0.0


@dataclass(slots=True)
class Case:
    """One (query, size) cell of the table, with the best of --repeat runs of each engine."""

    query: str
    rows: int
    flinklite: Measurement | None = None
    flink: Measurement | None = None
    flink_summary: dict = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.flinklite and self.flink and self.flinklite.ok and self.flink.ok:
            return self.flink.wall_s / self.flinklite.wall_s
        return None

    @property
    def rows_per_s(self) -> float | None:
        if self.flinklite and self.flinklite.ok:
            return self.rows / self.flinklite.wall_s
        return None


# ----------------------------------------------------------------------------- data


def generate_sales(path: Path, rows: int, users: int, seed: int, products: int = 50) -> None:
    """Writes the sales CSV the Flink oracle's gen_sales.py writes for the same arguments, byte
    for byte (same random stream), so both engines and the golden tests share one data shape."""
    rnd = random.Random(seed)
    t0 = dt.datetime(2024, 1, 1)
    clock_ms = 0
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="ascii", newline="\n") as out:
        lines = []
        for i in range(rows):
            clock_ms += max(1, 100 + rnd.randint(-20, 20))
            ts = t0 + dt.timedelta(milliseconds=clock_ms)
            user = rnd.randrange(users)
            product = rnd.randrange(products)
            quantity = rnd.randint(10, 30) if rnd.random() * 100 < 3.0 else rnd.randint(1, 3)
            cost = rnd.randint(100, 10000) / 100.0
            lines.append(
                f"inv_{i:07d},user_{user},product_{product},{quantity},{cost:.2f},"
                f"{ts:%Y-%m-%d %H:%M:%S}.{ts.microsecond // 1000:03d}\n"
            )
            if len(lines) >= 10_000:
                out.writelines(lines)
                lines.clear()
        out.writelines(lines)
    tmp.replace(path)  # a run interrupted mid-file never leaves a truncated cache entry


def generate_streamshub(path: Path, rows: int, seed: int) -> None:
    """Sales as the StreamsHub data generator makes them (flinklite.datagen: 100 users, batches
    of 100 sales a second, quantities 1-3 with rare x10 anomalies, '£' costs), as the same CSV
    columns, so both engines read the tutorial's own distribution."""
    from flinklite.datagen import StreamsHubGenerator

    gen = StreamsHubGenerator("sales", seed=seed, start_ms=1_735_689_600_000)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as out:
        left = rows
        while left:
            chunk = gen.take(min(left, 10_000))
            left -= len(chunk)
            out.writelines(
                f"{','.join(values)},"
                f"{dt.datetime.fromtimestamp(ts / 1000, dt.UTC):%Y-%m-%d %H:%M:%S}.{ts % 1000:03d}\n"
                for values, ts in chunk
            )
    tmp.replace(path)


def sales_file(data_dir: Path, rows: int, users: int, seed: int, kind: str = "sales") -> Path:
    """The cached data file for these arguments, generated on first use. `kind` 'streamshub'
    is the tutorial generator's distribution (its own 100 users)."""
    name = (
        f"sales_{rows}_u{users}_s{seed}.csv"
        if kind == "sales"
        else f"streamshub_{rows}_s{seed}.csv"
    )
    path = data_dir / name
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        note(f"generating {path} ({rows:,} rows) ...")
        if kind == "sales":
            generate_sales(path, rows, users, seed)
        else:
            generate_streamshub(path, rows, seed)
    return path


def data_kinds(query: Path) -> list[str]:
    """The data sets a query runs on: a `-- bench-data: sales, streamshub` line lists them;
    the default is sales. Each kind but sales adds its name to the case's."""
    for line in query.read_text(encoding="utf-8").splitlines():
        if line.startswith("-- bench-data:"):
            return [k.strip() for k in line.split(":", 1)[1].split(",") if k.strip()]
    return ["sales"]


def render_script(query: Path, data: Path, scripts_dir: Path) -> Path:
    """The query with ${DATA_FILE} filled in: flinklite, like Flink's SQL client, has no
    placeholders, so both engines get the very same finished script."""
    scripts_dir.mkdir(parents=True, exist_ok=True)
    text = query.read_text(encoding="utf-8").replace("${DATA_FILE}", str(data.resolve()))
    script = scripts_dir / f"{query.stem}_{data.stem}.sql"
    script.write_text(text, encoding="utf-8")
    return script


# ----------------------------------------------------------------------------- running


def measure(
    cmd: list[str], timeout: float, error_of: Callable[[str], bool] | None = None
) -> Measurement:
    """Runs cmd to its end. wait4 gives the resource usage of this child alone (not the sum
    over every child this process ever had), so its ru_maxrss is the child's own peak."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, start_new_session=True
        )
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            try:  # the child's own process group: the Flink oracle's JVM goes with it
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # Ctrl-C: the child has its own session and would live on
            kill()
            os.waitpid(proc.pid, 0)
            raise
        finally:
            timer.cancel()
        wall = time.perf_counter() - started
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        # Linux reports ru_maxrss in KiB, macOS in bytes.
        rss_mb = usage.ru_maxrss / (1 << 20 if sys.platform == "darwin" else 1 << 10)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    error = ""
    if timed_out.is_set():
        error = f"killed after the {timeout:g} s timeout"
    elif code != 0 or (error_of and error_of(stdout)):
        error = failure_text(code, stdout, stderr)
    cpu = usage.ru_utime + usage.ru_stime
    return Measurement(not error, wall, rss_mb, code, error, cpu)


def failure_text(code: int, stdout: str, stderr: str) -> str:
    """What a reader needs to see of a failed run: the error itself, else the output's tail."""
    parts = [f"exit code {code}"]
    lines = stdout.splitlines()
    first_error = next((i for i, line in enumerate(lines) if line.startswith("[ERROR]")), None)
    if first_error is not None:
        parts += lines[first_error : first_error + TAIL_LINES]
    elif stdout.strip():
        parts += ["stdout (tail):", *lines[-TAIL_LINES:]]
    if stderr.strip():
        parts += ["stderr (tail):", *stderr.splitlines()[-TAIL_LINES:]]
    return "\n".join(parts)


def flinklite_command() -> list[str]:
    exe = shutil.which("flinklite")
    return [exe] if exe else [sys.executable, "-m", "flinklite"]


def flinklite_failed(stdout: str) -> bool:
    return "[ERROR]" in stdout


def flink_missing(venv: Path, oracle_dir: Path | None) -> str | None:
    """Why real Flink cannot run here, or None when it can."""
    if shutil.which("java") is None:
        return "no `java` on PATH"
    if not (venv / "bin" / "python").exists():
        return f"no Flink venv at {venv} (see the oracle's README for its one-line setup)"
    if oracle_dir is None:
        return "flink_oracle.py not found (pass --oracle-dir)"
    return None


def find_oracle_dir(given: str | None) -> Path | None:
    candidates = [Path(given)] if given else list(ORACLE_DIRS)
    return next((d.resolve() for d in candidates if (d / "flink_oracle.py").exists()), None)


def best_of(runs: list[Measurement]) -> Measurement:
    """The fastest successful run, with the highest peak RSS seen over all runs; a failure
    otherwise (the last one, which carries its error)."""
    good = [m for m in runs if m.ok]
    if not good:
        return runs[-1]
    best = min(good, key=lambda m: m.wall_s)
    peak = max(m.peak_rss_mb for m in good)
    return Measurement(True, best.wall_s, peak, best.exit_code, cpu_s=best.cpu_s)


# ----------------------------------------------------------------------------- report


def fmt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def table(cases: list[Case]) -> str:
    header = (
        "query",
        "rows",
        "flinklite wall s",
        "Flink wall s",
        "ratio",
        "flinklite rows/s",
        "flinklite peak RSS MB",
    )
    body = []
    for c in cases:
        lite, flink = c.flinklite, c.flink
        body.append(
            (
                c.query,
                f"{c.rows:,}",
                "FAILED" if lite and not lite.ok else fmt(lite and lite.wall_s, ".2f"),
                "FAILED" if flink and not flink.ok else fmt(flink and flink.wall_s, ".2f"),
                fmt(c.ratio, ".2f"),
                fmt(c.rows_per_s, ",.0f"),
                fmt(lite.peak_rss_mb if lite and lite.ok else None, ".1f"),
            )
        )
    widths = [max(len(r[i]) for r in (header, *body)) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        first = cells[0].ljust(widths[0])
        return "  ".join([first, *(c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))])

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in body)])


def memory_note(cases: list[Case]) -> str | None:
    """Peak RSS of the keyed GROUP BY at each size: state is one entry per key, so the
    numbers should stay close however many rows stream through."""
    keyed = [c for c in cases if c.query == KEYED_QUERY and c.flinklite and c.flinklite.ok]
    if len(keyed) < 2:
        return None
    sizes = ", ".join(f"{c.rows:,} rows {c.flinklite.peak_rss_mb:.1f} MB" for c in keyed)
    return f"{KEYED_QUERY} peak RSS by input size (state grows with keys, not rows): {sizes}"


def note(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def parse_sizes(text: str) -> list[int]:
    """10000,1000000 -- or 10k,1M."""
    scale = {"k": 1_000, "m": 1_000_000}
    sizes = []
    for part in text.split(","):
        part = part.strip().lower()
        if not part:
            continue
        factor = scale.get(part[-1], 1)
        digits = part[:-1] if part[-1] in scale else part
        try:
            sizes.append(int(float(digits) * factor))
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a row count: {part!r}") from None
    if not sizes or min(sizes) <= 0:
        raise argparse.ArgumentTypeError("give positive row counts, e.g. 10000,1000000")
    return sizes


def arguments(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=parse_sizes, default=[10_000, 1_000_000])
    ap.add_argument("--queries", help="comma-separated query names (default: all in queries/)")
    ap.add_argument("--no-flink", action="store_true", help="run flinklite only")
    ap.add_argument("--flink-venv", type=Path, default=DEFAULT_FLINK_VENV)
    ap.add_argument("--oracle-dir", help="folder of flink_oracle.py")
    ap.add_argument("--repeat", type=int, default=1, help="runs per cell; the best is kept")
    ap.add_argument("--users", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per run")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument(
        "--no-memory-hour",
        action="store_true",
        help="skip the simulated-hour memory check of MATCH_RECOGNIZE on the generator",
    )
    ap.add_argument(
        "--no-checkpoint-overhead",
        action="store_true",
        help="skip the tutorial job with and without checkpoints every 10 s",
    )
    a = ap.parse_args(argv)
    if a.repeat < 1:
        ap.error("--repeat must be at least 1")
    return a


def main(argv: list[str] | None = None) -> int:
    a = arguments(argv)
    queries = sorted(
        QUERIES.glob("*.sql"),
        key=lambda q: (
            QUERY_ORDER.index(q.stem) if q.stem in QUERY_ORDER else len(QUERY_ORDER),
            q.stem,
        ),
    )
    if a.queries:
        wanted = [q.strip() for q in a.queries.split(",") if q.strip()]
        unknown = sorted(set(wanted) - {q.stem for q in queries})
        if unknown:
            print(f"unknown queries: {', '.join(unknown)}", file=sys.stderr)
            return 2
        queries = [q for q in queries if q.stem in wanted]

    notes: list[str] = []
    oracle_dir = find_oracle_dir(a.oracle_dir)
    run_flink = not a.no_flink
    if run_flink and (why := flink_missing(a.flink_venv, oracle_dir)):
        run_flink = False
        notes.append(f"Flink not run: {why}.")

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    if load > (os.cpu_count() or 1):
        notes.append(
            f"The machine was busy (load average {load:.1f} on {os.cpu_count()} CPUs at the "
            "start): wall times are longer than on an idle machine."
        )

    cases = []
    for rows in a.sizes:
        for query, kind in [(q, k) for q in queries for k in data_kinds(q)]:
            data = sales_file(a.data_dir, rows, a.users, a.seed, kind)
            script = render_script(query, data, a.data_dir / "scripts")
            name = query.stem if kind == "sales" else f"{query.stem}_{kind}"
            case = Case(name, rows)
            note(f"{name} @ {rows:,} rows: flinklite ...")
            case.flinklite = best_of(
                [
                    measure([*flinklite_command(), "-f", str(script)], a.timeout, flinklite_failed)
                    for _ in range(a.repeat)
                ]
            )
            if run_flink:
                note(f"{name} @ {rows:,} rows: Flink ...")
                case.flink, case.flink_summary = run_flink_oracle(
                    a.flink_venv, oracle_dir, script, a.repeat, a.timeout
                )
            cases.append(case)

    print(table(cases))
    print()
    if not a.no_memory_hour:
        hour = memory_over_an_hour(a.data_dir, a.timeout)
        print(hour.text)
        if hour.failed:
            cases.append(hour.failed)
    if not a.no_checkpoint_overhead:
        overhead = checkpoint_overhead(a.data_dir, a.timeout)
        print(overhead.text)
        if overhead.failed:
            cases.append(overhead.failed)
    if memory := memory_note(cases):
        print(memory)
    print(
        "wall s: the whole process, start-up included (the JVM's for Flink); "
        "ratio: Flink / flinklite, above 1 means flinklite is faster; "
        "Flink: parallelism 1, streaming mode."
    )
    for text in notes:
        print(text)
    failures = [
        (c, engine, m)
        for c in cases
        for engine, m in (("flinklite", c.flinklite), ("Flink", c.flink))
        if m and not m.ok
    ]
    for c, engine, m in failures:
        print(f"\n{engine} failed on {c.query} @ {c.rows:,} rows:")
        print("  " + m.error.replace("\n", "\n  "))
    if a.json:
        a.json.write_text(json.dumps(report(a, cases, notes, run_flink), indent=1) + "\n")
    return 1 if failures else 0


@dataclass(slots=True)
class PairedRuns:
    """Two runs of the tutorial job compared (a simulated minute and hour; without and with
    checkpoints): the sentence that reports them, and the case that failed, if one did."""

    text: str
    first: Measurement | None = None
    second: Measurement | None = None
    failed: Case | None = None


def memory_over_an_hour(data_dir: Path, timeout: float) -> PairedRuns:
    """The tutorial's MATCH_RECOGNIZE over one simulated minute, then one simulated hour, of the
    built-in generator (100 sales a second): state is bounded by WITHIN, so the hour's peak
    memory should stay within 10% of the minute's."""
    runs = {}
    for label, rows in (("minute", 6_000), ("hour", 360_000)):
        text = (BENCH / "memory_hour.sql").read_text(encoding="utf-8").replace("${ROWS}", str(rows))
        script = data_dir / "scripts" / f"memory_{label}.sql"
        script.parent.mkdir(parents=True, exist_ok=True)
        script.write_text(text, encoding="utf-8")
        note(f"memory check: one simulated {label} ({rows:,} sales) ...")
        runs[label] = measure([*flinklite_command(), "-f", str(script)], timeout, flinklite_failed)
    minute, hour = runs["minute"], runs["hour"]
    if not (minute.ok and hour.ok):
        bad = minute if not minute.ok else hour
        case = Case("memory_hour", 360_000)
        case.flinklite = bad
        return PairedRuns("memory check failed", minute, hour, case)
    growth = (hour.peak_rss_mb / minute.peak_rss_mb - 1) * 100
    return PairedRuns(
        f"MATCH_RECOGNIZE on the generator, peak RSS: one simulated minute {minute.peak_rss_mb:.1f}"
        f" MB, one simulated hour {hour.peak_rss_mb:.1f} MB ({growth:+.1f}%, "
        f"{hour.wall_s:.1f} s for the hour)",
        minute,
        hour,
    )


def checkpoint_overhead(
    data_dir: Path, timeout: float, rows: int = 360_000, rounds: int = 3
) -> PairedRuns:
    """The tutorial's MATCH_RECOGNIZE on the generator (one simulated hour) with checkpoints
    every 10 s and without: the checkpointed run should keep within 10% of the other's rate.
    One run of each varies by ~10% on a busy 2-core machine, so `rounds` pairs run
    interleaved and the medians are compared."""
    text = (BENCH / "memory_hour.sql").read_text(encoding="utf-8").replace("${ROWS}", str(rows))
    script = data_dir / "scripts" / "checkpoint_overhead.sql"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(text, encoding="utf-8")
    runs: dict[str, list[Measurement]] = {"without": [], "with": []}
    with tempfile.TemporaryDirectory() as folder:
        checkpointed = [
            "-D", "execution.checkpointing.interval=10 s",
            "-D", f"execution.checkpointing.dir={folder}",
            # kept after the job ends, to count them
            "-D", "execution.checkpointing.externalized-checkpoint-retention=RETAIN_ON_CANCELLATION",
        ]  # fmt: skip
        for round_ in range(1, rounds + 1):
            for label, options in (("without", []), ("with", checkpointed)):
                note(
                    f"checkpoint overhead {round_}/{rounds}: {rows:,} sales {label} "
                    "checkpoints every 10 s ..."
                )
                run = measure(
                    [*flinklite_command(), *options, "-f", str(script)], timeout, flinklite_failed
                )
                runs[label].append(run)
                if not run.ok:
                    case = Case("checkpoint_overhead", rows)
                    case.flinklite = run
                    return PairedRuns("checkpoint overhead check failed", failed=case)
        # Only the newest of each job is kept; its number says how many the job took.
        taken = max((int(c.name[4:]) for c in Path(folder).glob("*/chk-*")), default=0)
    plain, with_checkpoints = (
        sorted(runs[label], key=lambda m: m.wall_s)[rounds // 2] for label in ("without", "with")
    )
    slower = (with_checkpoints.wall_s / plain.wall_s - 1) * 100
    return PairedRuns(
        f"MATCH_RECOGNIZE on the generator ({rows:,} sales), checkpoints every 10 s, median of "
        f"{rounds} interleaved runs: {plain.wall_s:.1f} s without, {with_checkpoints.wall_s:.1f} s "
        f"with ({slower:+.1f}%; {rows / with_checkpoints.wall_s:,.0f} sales/s, {taken} "
        "checkpoints a run)",
        plain,
        with_checkpoints,
    )


def run_flink_oracle(
    venv: Path, oracle_dir: Path, script: Path, repeat: int, timeout: float
) -> tuple[Measurement, dict]:
    """The oracle's summary (its own split of JVM start, planning and job time) is kept too."""
    runs: list[tuple[Measurement, dict]] = []
    for _ in range(repeat):
        with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
            summary_path = Path(f.name)
        try:
            cmd = [
                str(venv / "bin" / "python"),
                str(oracle_dir / "flink_oracle.py"),
                str(script),
                "--parallelism",
                "1",
                "--out",
                "",
                "--summary",
                str(summary_path),
            ]
            m = measure(cmd, timeout)
            try:
                summary = json.loads(summary_path.read_text())
            except (OSError, ValueError):
                summary = {}
        finally:
            summary_path.unlink(missing_ok=True)
        runs.append((m, summary))
    best = best_of([m for m, _ in runs])
    good = [(m, s) for m, s in runs if m.ok]
    summary = min(good, key=lambda r: r[0].wall_s)[1] if good else runs[-1][1]
    return best, summary


def report(a: argparse.Namespace, cases: list[Case], notes: list[str], flink_ran: bool) -> dict:
    return {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average_1min": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        },
        "settings": {
            "sizes": a.sizes,
            "users": a.users,
            "seed": a.seed,
            "repeat": a.repeat,
            "flink": flink_ran,
        },
        "results": [
            {
                "query": c.query,
                "rows": c.rows,
                "flinklite": c.flinklite and asdict(c.flinklite),
                "flink": c.flink and asdict(c.flink),
                "flink_summary": c.flink_summary,
                "ratio": c.ratio,
                "flinklite_rows_per_s": c.rows_per_s,
            }
            for c in cases
        ],
        "notes": notes,
    }


if __name__ == "__main__":
    sys.exit(main())
