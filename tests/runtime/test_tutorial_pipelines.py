"""The tutorials' longest pipelines run end to end on flinklite.

The recommendation app's final query (LISTAGG over a legacy TUMBLE of a Top-N over joins and
GROUP BY views) runs on Flink too, but which products tie for a place in the Top-N depends on
how the joins' inputs interleave, so its exact rows are not comparable across engines; the
pieces are golden cases in tests/golden/cases/tutorial."""

from __future__ import annotations

from pathlib import Path

from flinklite.runner import run_script
from flinklite.runtime.rows import fold

SCRIPTS = Path(__file__).parent / "scripts"


def test_recommendation_app_final_query_runs_and_appends_per_window_rows():
    script = SCRIPTS / "reco_recommendations.sql"
    run = run_script(
        script.read_text(),
        variables={"SCRIPT_DIR": str(SCRIPTS)},
        conf={"table.local-time-zone": "UTC", "pipeline.auto-watermark-interval": "0"},
    )
    assert [f.name for f in run.fields] == ["user_id", "top_product_ids", "window_end_timestamp"]
    assert {kind for kind, _ in run.changes} == {"+I"}  # a window's row is final when it fires
    rows = fold(run.changes)
    assert len(rows) >= 15
    for user, products, _end in rows:
        assert user.startswith("user-")
        assert 1 <= len(products.split(",")) <= 6 * 5  # up to 6 per event in the window
