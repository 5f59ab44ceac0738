"""The SQL corpus as specification: every valid statement parses and round-trips through unparse;
every invalid case fails with the error text its `-- error:` lines name."""

from __future__ import annotations

from pathlib import Path

import pytest

from flinklite.errors import FlinkliteError
from flinklite.session import Session
from flinklite.sql.parser import parse_statement
from flinklite.sql.splitter import split_statements
from flinklite.sql.unparse import unparse

HERE = Path(__file__).parent
VALID = sorted((HERE / "valid").glob("*.sql"))
INVALID = sorted((HERE / "invalid").glob("*.sql"))


def _valid_statements():
    for path in VALID:
        for st in split_statements(path.read_text(encoding="utf-8")):
            yield pytest.param(st, id=f"{path.stem}:{st.line}")


@pytest.mark.parametrize("statement", list(_valid_statements()))
def test_valid_statement_parses_and_round_trips(statement):
    tree = parse_statement(statement.text, line=statement.line, column=statement.column)
    text = unparse(tree)
    assert parse_statement(text) == tree, text


def test_corpus_is_large_enough():
    assert sum(1 for _ in _valid_statements()) >= 250
    assert len(INVALID) >= 60


def _expectations(script: str) -> list[str]:
    return [
        line.split(":", 1)[1].strip()
        for line in script.splitlines()
        if line.strip().lower().startswith("-- error:")
    ]


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_case_fails_with_its_message(path):
    script = path.read_text(encoding="utf-8")
    expected = _expectations(script)
    assert expected, f"{path.name} names no '-- error:' text"
    statements = split_statements(script)
    session = Session()
    for st in statements[:-1]:
        session.execute_statement(st.text, line=st.line, column=st.column)
    last = statements[-1]
    with pytest.raises(FlinkliteError) as info:
        session.execute_statement(last.text, line=last.line, column=last.column)
    rendered = info.value.with_source(script).render()
    for text in expected:
        assert text in rendered, rendered
