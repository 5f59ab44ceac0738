"""Specification of the shell's Tab completion and of when Enter runs the input, against a
real session (no terminal needed)."""

from __future__ import annotations

import pytest
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.document import Document

from flinklite.repl.completion import SqlCompleter
from flinklite.repl.keys import ready
from flinklite.session import Session


@pytest.fixture(scope="module")
def completer() -> SqlCompleter:
    session = Session()
    session.execute_statement(
        "CREATE TABLE clicks (user_id STRING, url STRING, ts TIMESTAMP(3)) "
        "WITH ('connector' = 'datagen')"
    )
    session.execute_statement(
        "CREATE TABLE orders (order_id BIGINT, amount INT) WITH ('connector' = 'datagen')"
    )
    session.execute_statement("CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 10")
    return SqlCompleter(session)


def complete(completer: SqlCompleter, text: str) -> list[str]:
    """The completions offered at `|` (or at the end when there is none)."""
    cursor = text.find("|") if "|" in text else len(text)
    document = Document(text.replace("|", "", 1), cursor)
    return [c.text for c in completer.get_completions(document, CompleteEvent(True))]


def test_columns_of_the_tables_the_statement_names_come_first(completer):
    assert complete(completer, "SELECT user_")[0] == "user_id"
    assert complete(completer, "SELECT u| FROM clicks")[:2] == ["user_id", "url"]
    assert "order_id" not in complete(completer, "SELECT o| FROM clicks")


def test_without_a_table_every_column_is_a_candidate(completer):
    assert complete(completer, "SELECT ord")[0] == "order_id"


def test_a_qualified_name_completes_that_table_s_columns(completer):
    assert complete(completer, "SELECT clicks.u") == ["user_id", "url"]
    # An alias is not a table: every column the statement can see.
    assert complete(completer, "SELECT c.am| FROM orders c") == ["amount"]


def test_tables_and_views(completer):
    assert complete(completer, "SELECT * FROM cl")[0] == "clicks"
    assert complete(completer, "SELECT * FROM big") == ["big_orders", "bigint"]
    # Names keep their case; only keywords and functions follow the case typed.
    assert complete(completer, "SELECT * FROM CL")[0] == "clicks"


def test_keywords_and_functions_follow_the_case_typed(completer):
    assert complete(completer, "sel") == ["select"]
    assert complete(completer, "SEL") == ["SELECT"]
    assert "UPPER" in complete(completer, "SELECT UPP")
    assert "upper" in complete(completer, "select upp")
    assert "WATERMARK" in complete(completer, "WATERM")


def test_set_and_reset_complete_configuration_keys(completer):
    assert complete(completer, "SET 'sql-client.verb") == ["sql-client.verbose"]
    assert "sql-client.execution.result-mode" in complete(completer, "RESET 'sql-client.exe")
    assert complete(completer, "SET 'table.dml") == ["table.dml-sync"]


def test_nothing_to_complete(completer):
    assert complete(completer, "") == []
    assert complete(completer, "SELECT ") == []
    assert complete(completer, "SELECT zzz") == []


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("", True),
        ("SELECT 1;", True),
        ("SELECT 1", False),
        ("CREATE TABLE t (\n  a INT\n);", True),
        ("SELECT ';'", False),
        ("SELECT 1; -- done", True),
        ("QUIT;", True),
    ],
)
def test_enter_runs_the_input_once_a_statement_is_complete(text, runs):
    assert ready(text) is runs
