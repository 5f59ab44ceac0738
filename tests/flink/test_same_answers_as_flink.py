"""Scripts whose every statement must give flinklite's local session the same answer (result or
error message) as the real Flink 2.3 cluster's SQL Gateway."""

from __future__ import annotations

from pathlib import Path

import pytest

from flinklite.errors import FlinkliteError
from flinklite.gateway.session import RemoteSession
from flinklite.results import JobSubmittedResult
from flinklite.session import Session
from flinklite.sql.splitter import split_statements

HERE = Path(__file__).parent


def answers(session, script: str) -> list:
    out = []
    for st in split_statements(script):
        try:
            r = session.execute_statement(st.text)
            if isinstance(r, JobSubmittedResult):  # job ids differ: that a job started counts
                out.append("JOB")
            else:
                out.append(getattr(r, "rows", None) or getattr(r, "text", None) or r.message)
        except FlinkliteError as exc:
            out.append("ERROR " + exc.message.splitlines()[-1])
    return out


@pytest.mark.parametrize("script", ["alter_table.sql", "replace_table.sql"])
def test_every_statement_answers_as_flink(flink_cluster, script):
    gateway, _ = flink_cluster
    text = (HERE / script).read_text(encoding="utf-8")
    remote, local = RemoteSession(gateway), Session()
    try:
        flink = answers(remote, text)
    finally:
        remote.close()
    ours = answers(local, text)
    assert any(isinstance(a, str) and a.startswith("ERROR") for a in flink)
    assert ours == flink
