"""Interactive latency of the shell, as a user feels it: from launching `flinklite` to its prompt,
and from pressing Enter on a SELECT over the built-in generator to its first row on screen.

    python3 bench/shell_latency.py [--runs 5]

Drives the real shell in a pseudo-terminal (pexpect), prints the best and median of each."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parents[1]
PROMPT = "flinklite> "
CREATE = (
    "CREATE TABLE SalesRecordTable (invoice_id STRING, user_id STRING, product_id STRING, "
    "quantity STRING, unit_cost STRING, `purchase_time` TIMESTAMP(3) METADATA FROM 'timestamp', "
    "WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND) WITH ("
    "'connector' = 'flinklite-generator', 'data' = 'sales');"
)
QUERY = "SELECT user_id, COUNT(*) AS cnt FROM SalesRecordTable GROUP BY user_id;"


def one_run(home: str) -> tuple[float, float]:
    env = {k: v for k, v in os.environ.items() if k not in ("FLINKLITE_DEBUG",)}
    env.update(HOME=home, TERM="xterm", NO_COLOR="1", PROMPT_TOOLKIT_NO_CPR="1")
    env.setdefault("XDG_CACHE_HOME", str(Path.home() / ".cache"))
    started = time.perf_counter()
    child = pexpect.spawn(
        sys.executable,
        ["-m", "flinklite", "-D", "sql-client.execution.result-mode=tableau"],
        cwd=str(ROOT),
        env=env,
        encoding="utf-8",
        dimensions=(40, 160),
        timeout=30,
    )
    try:
        child.expect_exact(PROMPT)
        to_prompt = time.perf_counter() - started
        child.send(CREATE + "\r")
        child.expect_exact("Execute statement succeed.")
        child.expect_exact(PROMPT)
        child.send(QUERY + "\r")
        sent = time.perf_counter()
        child.expect(r"\| \+I \|")  # the first row of the changelog on screen
        to_first_row = time.perf_counter() - sent
        child.sendcontrol("c")
        child.expect_exact(PROMPT)
        child.send("QUIT;\r")
        child.expect(pexpect.EOF)
        return to_prompt, to_first_row
    finally:
        child.close(force=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args(argv)
    prompts, rows = [], []
    with tempfile.TemporaryDirectory() as home:
        for _ in range(a.runs):
            p, r = one_run(home)
            prompts.append(p)
            rows.append(r)
    print(
        f"start-up to prompt: best {min(prompts):.2f} s, median {statistics.median(prompts):.2f} s"
    )
    print(
        "Enter on a SELECT over the generator to its first row: "
        f"best {min(rows):.2f} s, median {statistics.median(rows):.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
