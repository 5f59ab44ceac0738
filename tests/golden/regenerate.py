"""Re-runs golden cases on real Flink 2.3 through the flink-oracle tool and records its answers.

usage: python3 tests/golden/regenerate.py [SELECTOR ...] [--oracle DIR] [--python PY] [--twice]

SELECTOR is a substring of a case id (`window/`, `avg_int`) or a .sql path; none means all.
For a case with `-- compare: ...` the oracle's changelog is written to `<name>.jsonl`; for a
case with `-- error: <substring>` the oracle must fail with a message containing the substring,
and Flink's message is recorded in the case's `-- flink: ...` line. Runs are sequential (each
costs ~10 s of JVM). `--twice` runs every non-error case twice and reports a raw changelog that
differs between runs, which means the case should compare with `fold` or `multiset`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from casefile import Case, all_cases  # noqa: E402
from encode import fold  # noqa: E402

DEFAULT_ORACLE = os.environ.get("FLINK_ORACLE", "/work/shared/tools/flink-oracle")
DEFAULT_PYTHON = os.environ.get("FLINK_ORACLE_PYTHON", "/tmp/flink-oracle-venv/bin/python")

# Runs flink_oracle.main() once per case inside one Python process, so that the JVM and its
# gateway start once for a whole batch of cases (~4 s per case instead of ~10 s), with two
# additions the tool lacks: batch mode when the script sets 'execution.runtime-mode' = 'batch'
# (the tool always creates a streaming environment, and Flink refuses to switch modes later),
# and Flink's full exception text on stderr between markers (the tool keeps one line of it).
BOOTSTRAP = r"""
import json, re, sys
oracle_dir, jobs_file = sys.argv[1], sys.argv[2]
sys.path.insert(0, oracle_dir)
import flink_oracle as fo
from pyflink.table import EnvironmentSettings
streaming, batch = EnvironmentSettings.in_streaming_mode, EnvironmentSettings.in_batch_mode
def report(e):
    lines = [l for l in str(e).splitlines() if l.strip() and not l.lstrip().startswith("at ")]
    print("FLINK-ERROR-BEGIN\n" + "\n".join(lines[:60]) + "\nFLINK-ERROR-END", file=sys.stderr)
original = fo.run_final
def run_final(*args, **kwargs):
    try:
        return original(*args, **kwargs)
    except Exception as e:
        report(e)
        raise
fo.run_final = run_final
for job in json.load(open(jobs_file)):
    text = open(job["script"], encoding="utf-8").read()
    is_batch = re.search(r"SET\s+'execution\.runtime-mode'\s*=\s*'batch'", text, re.I)
    EnvironmentSettings.in_streaming_mode = staticmethod(batch if is_batch else streaming)
    sys.argv = ["flink_oracle.py", job["script"], "--out", job["out"], "--watermark-interval",
                "0", "--parallelism", "1", "--tz", "UTC"]
    if job.get("explain"):
        sys.argv += ["--explain", job["explain"]]
    print("CASE-BEGIN", file=sys.stderr, flush=True)
    rc = 0
    try:
        fo.main()
    except SystemExit as e:
        rc = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except Exception as e:
        report(e)
        rc = 3
    print("CASE-END %d" % rc, file=sys.stderr, flush=True)
"""


@dataclass(slots=True)
class OracleRun:
    """One case's run: whether Flink succeeded, its changelog, and its error text."""

    ok: bool
    output: str
    error: str


def run_oracle(
    scripts: list[Path],
    oracle: str,
    python: str,
    tmp: Path,
    explains: list[Path] | None = None,
) -> Iterator[OracleRun]:
    """Runs the scripts one after the other in one oracle process, yielding each result; with
    `explains`, Flink's EXPLAIN of each final statement is written there too."""
    jobs = [
        {
            "script": str(s),
            "out": str(tmp / f"out-{i}.jsonl"),
            "explain": str(explains[i]) if explains else None,
        }
        for i, s in enumerate(scripts)
    ]
    jobs_file = tmp / "jobs.json"
    jobs_file.write_text(json.dumps(jobs), encoding="utf-8")
    cmd = [python, "-c", BOOTSTRAP, oracle, str(jobs_file)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    index, lines = 0, []
    for line in proc.stderr:
        if line.startswith("CASE-BEGIN"):
            lines = []
        elif line.startswith("CASE-END"):
            out = Path(jobs[index]["out"])
            text = out.read_text(encoding="utf-8") if out.exists() else ""
            err = "".join(lines)
            if "FLINK-ERROR-BEGIN" in err:
                err = err.split("FLINK-ERROR-BEGIN", 1)[1].split("FLINK-ERROR-END", 1)[0]
            yield OracleRun(line.split()[1] == "0", text, err.strip())
            index += 1
        else:
            lines.append(line)
    proc.wait()
    for _ in range(index, len(jobs)):  # the process died: the remaining cases did not run
        yield OracleRun(False, "", "oracle process ended early:\n" + "".join(lines[-20:]))


def root_cause(error_text: str) -> str:
    """The line a user needs: the last 'Caused by' of Flink's exception chain, else its first
    exception line."""
    lines = [line.strip() for line in error_text.splitlines() if line.strip()]
    causes = [line[len("Caused by:") :].strip() for line in lines if line.startswith("Caused by:")]
    if causes:
        return causes[-1]
    for line in lines:
        if line.startswith(": "):
            return line[2:]
    return lines[0] if lines else ""


def record_flink_message(case: Case, message: str) -> None:
    """Writes (or replaces) the case's `-- flink: ...` header line, just after `-- error:`."""
    lines = case.text.splitlines()
    lines = [line for line in lines if not line.startswith("-- flink:")]
    at = next(i for i, line in enumerate(lines) if line.startswith("-- error:"))
    lines.insert(at + 1, "-- flink: " + " ".join(message.split()))
    case.path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def record(case: Case, run: OracleRun, again: OracleRun | None) -> str | None:
    """Records Flink's answer for a case; returns a problem description or None."""
    if case.error is not None:
        if run.ok:
            return "Flink accepted a case marked as an error"
        case.expected_path.unlink(missing_ok=True)
        record_flink_message(case, root_cause(run.error))
        if case.error.lower() not in run.error.lower():
            return f"Flink failed, but not with {case.error!r}: {root_cause(run.error)}"
        return None
    if not run.ok:
        return f"Flink failed: {root_cause(run.error)}"
    case.expected_path.write_text(run.output, encoding="utf-8")
    if again is not None and again.output != run.output and case.compare == "raw":
        same = fold(_parse(again.output)) == fold(_parse(run.output))
        return "raw changelog differs between runs" + (" (fold agrees)" if same else "")
    return None


def _parse(text: str) -> list[tuple[str, list]]:
    return [(o["op"], o["row"]) for o in map(json.loads, text.splitlines())]


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("selectors", nargs="*")
    ap.add_argument("--oracle", default=DEFAULT_ORACLE, help="the flink-oracle folder")
    ap.add_argument("--python", default=DEFAULT_PYTHON, help="python of the venv with apache-flink")
    ap.add_argument("--twice", action="store_true", help="run twice to detect non-determinism")
    ap.add_argument("--chunk", type=int, default=25, help="cases per oracle process")
    args = ap.parse_args()
    cases = all_cases(args.selectors)
    if not cases:
        print("no case matches", file=sys.stderr)
        return 2
    problems, done = 0, 0
    for first in range(0, len(cases), args.chunk):
        chunk = cases[first : first + args.chunk]
        scripts = [c.path for c in chunk]
        if args.twice:
            scripts += [c.path for c in chunk if c.error is None]
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.time()
            runs = list(run_oracle(scripts, args.oracle, args.python, Path(tmp)))
        seconds = (time.time() - t0) / max(len(scripts), 1)
        repeats = iter(runs[len(chunk) :])
        for case, run in zip(chunk, runs, strict=False):
            again = next(repeats) if args.twice and case.error is None else None
            problem = record(case, run, again)
            done += 1
            status = "ok" if problem is None else "PROBLEM: " + problem
            print(f"[{done}/{len(cases)}] {case.id} (~{seconds:.1f}s) {status}", flush=True)
            problems += problem is not None
    print(f"{len(cases) - problems} ok, {problems} with problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
