"""Parsing speed: the whole SQL corpus and one tutorial statement, timed after the parser loads.

Run: python3 bench/parse_speed.py   (targets: corpus < 1 s, a tutorial statement < 5 ms)"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from flinklite.sql.parser import parse_statement
from flinklite.sql.splitter import split_statements

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    started = time.perf_counter()
    parse_statement("SELECT 1")  # loads the grammar (from the disk cache after the first run)
    load = time.perf_counter() - started
    statements = [
        st
        for path in sorted((ROOT / "tests" / "sql" / "valid").glob("*.sql"))
        for st in split_statements(path.read_text(encoding="utf-8"))
    ]
    started = time.perf_counter()
    for st in statements:
        parse_statement(st.text, line=st.line, column=st.column)
    corpus = time.perf_counter() - started
    tutorial = next(
        st.text for st in statements if "MATCH_RECOGNIZE" in st.text and "INSERT" in st.text
    )
    runs = []
    for _ in range(50):
        t0 = time.perf_counter()
        parse_statement(tutorial)
        runs.append(time.perf_counter() - t0)
    print(f"parser load:                {load * 1000:7.1f} ms")
    print(f"corpus, {len(statements)} statements:    {corpus * 1000:7.1f} ms")
    print(
        f"tutorial INSERT .. MATCH_RECOGNIZE: {statistics.median(runs) * 1000:.2f} ms (median of 50)"
    )


if __name__ == "__main__":
    main()
