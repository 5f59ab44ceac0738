"""Specification of the -f / -i runners and the basic shell, against a small fake session.

The fake stands in for flinklite.session.Session, so these run whatever the engine can do."""

from __future__ import annotations

import builtins
import io

import pytest

from flinklite.catalog import types as T
from flinklite.cli import basic_shell, script
from flinklite.errors import FlinkliteError, Pos, SqlParseError, ValidationError
from flinklite.results import JobSubmittedResult, QuitResult, StatusResult, TableResult


class FakeConfig(dict):
    def get(self, key, default=None):
        return super().get(key, default)


class FakeSession:
    """Understands a handful of statements by their first word; records what it ran."""

    def __init__(self, conf=None):
        self.config = FakeConfig(conf or {})
        self.tables: list[str] = []
        self.ran: list[str] = []

    def classify(self, text):
        word = text.split()[0].upper()
        kinds = {"CREATE": "DDL", "SELECT": "QUERY", "INSERT": "INSERT", "SET": "SET"}
        if word == "BOGUS":
            raise SqlParseError('Encountered "BOGUS"', pos=Pos(1, 1))
        return kinds.get(word, word)

    def execute_statement(self, text, *, line=1, column=1):
        self.ran.append(text)
        words = text.split()
        head = words[0].upper()
        if head == "CREATE":
            self.tables.append(words[2])
            return StatusResult("Execute statement succeed.")
        if head == "SHOW":
            return TableResult(("table name",), (T.string(),), [(t,) for t in self.tables])
        if head == "INSERT":
            return JobSubmittedResult("f" * 32, "insert-into_x")
        if head == "QUIT":
            return QuitResult()
        if head == "SELECT" and "nowhere" in text:
            # positions are relative to the script: the statement's own offset is added
            at = text.index("nowhere")
            before = text[:at]
            ln = line + before.count("\n")
            col = at - before.rfind("\n") if "\n" in before else column + at
            raise ValidationError("Object 'nowhere' not found", pos=Pos(ln, col, ln, col + 7))
        if head == "SELECT":
            return TableResult(("x",), (T.int_(),), [(1,)])
        if head == "CRASH":
            raise RuntimeError("boom")
        if head == "SET":
            return StatusResult("Session property has been set.")
        raise SqlParseError(f'Encountered "{words[0]}"', pos=Pos(line, column), hint="check it")


def run(text, session=None, **kw):
    out = io.StringIO()
    session = session or FakeSession()
    ok = script.run_script(session, text, script.Printer(out), **kw)
    return ok, out.getvalue(), session


def test_each_statement_is_echoed_after_the_prompt_then_its_result():
    ok, out, _ = run("CREATE TABLE a (x INT);\nSHOW TABLES;\n")
    assert ok
    assert out == (
        "[INFO] Executing SQL from file.\n"
        "\n"
        "flinklite> CREATE TABLE a (x INT);\n"
        "[INFO] Execute statement succeed.\n"
        "\n"
        "flinklite> SHOW TABLES;\n"
        "+------------+\n"
        "| table name |\n"
        "+------------+\n"
        "|          a |\n"
        "+------------+\n"
        "1 row in set\n"
    )


def test_the_first_failure_stops_the_script():
    ok, out, session = run("CREATE TABLE a (x INT);\nOOPS;\nCREATE TABLE b (x INT);\n")
    assert not ok
    assert session.ran == ["CREATE TABLE a (x INT)", "OOPS"]
    assert "[ERROR] Could not execute SQL statement. Reason:\nSqlParseException: " in out
    assert "CREATE TABLE b" not in out


def test_errors_point_into_the_script_with_a_caret():
    text = "CREATE TABLE a (x INT);\n\n-- a comment\nSELECT *\n  FROM nowhere;\n"
    ok, out, _ = run(text, FakeSession({"sql-client.execution.result-mode": "tableau"}))
    assert not ok
    lines = out.splitlines()
    at = lines.index("[ERROR] Could not execute SQL statement. Reason:")
    assert lines[at + 1] == "ValidationException: Object 'nowhere' not found (at line 5, column 8)"
    assert lines[at + 2] == "  FROM nowhere;"
    assert lines[at + 3] == "       ^^^^^^^"


def test_hint_is_printed_under_the_caret():
    _, out, _ = run("\n\nOOPS;")
    assert out.rstrip().endswith("OOPS;\n^\ncheck it")


def test_unexpected_exceptions_are_reported_without_traceback(monkeypatch):
    monkeypatch.delenv("FLINKLITE_DEBUG", raising=False)
    ok, out, _ = run("CRASH;")
    assert not ok
    assert "RuntimeError: boom" in out
    assert "Traceback" not in out


def test_verbose_adds_the_traceback_for_unexpected_exceptions(monkeypatch):
    monkeypatch.delenv("FLINKLITE_DEBUG", raising=False)
    _, out, _ = run("CRASH;", FakeSession({"sql-client.verbose": "true"}))
    assert "Traceback (most recent call last)" in out
    monkeypatch.setenv("FLINKLITE_DEBUG", "1")
    _, out, _ = run("CRASH;")
    assert "Traceback (most recent call last)" in out


def test_quit_ends_the_script_successfully():
    ok, out, session = run("QUIT;\nCREATE TABLE a (x INT);")
    assert ok
    assert session.ran == ["QUIT"]
    assert "[INFO] Exiting flinklite SQL client..." in out


def test_insert_prints_the_job_submission():
    _, out, _ = run("INSERT INTO t SELECT 1;")
    assert "Job ID: " + "f" * 32 + "\n\n" in out


def test_a_query_needs_tableau_mode_in_a_script():
    ok, out, session = run("SELECT 1;")
    assert not ok
    assert "SqlExecutionException: In non-interactive mode" in out
    assert "1 row in set" not in out
    # the query's own errors come first, as in Flink
    ok, out, _ = run("SELECT * FROM nowhere;")
    assert "ValidationException: Object 'nowhere' not found" in out
    ok, out, _ = run("SELECT 1;", FakeSession({"sql-client.execution.result-mode": "tableau"}))
    assert ok and "1 row in set" in out


def test_stdin_scripts_have_no_file_banner():
    _, out, _ = run("SHOW TABLES;", from_file=False)
    assert not out.startswith("[INFO] Executing SQL from file.")
    assert "Empty set" in out


def test_init_runs_silently_and_allows_only_ddl_use_set_reset():
    session = FakeSession()
    out = io.StringIO()
    assert script.run_init(
        session, "CREATE TABLE a (x INT);\nSET 'k' = 'v';", "init.sql", script.Printer(out)
    )
    assert out.getvalue() == ""
    assert session.ran == ["CREATE TABLE a (x INT)", "SET 'k' = 'v'"]


def test_init_rejects_a_query_naming_its_kind():
    session = FakeSession()
    out = io.StringIO()
    ok = script.run_init(
        session, "CREATE TABLE a (x INT);\nSELECT 1;", "init.sql", script.Printer(out)
    )
    assert not ok
    assert session.ran == ["CREATE TABLE a (x INT)"]
    text = out.getvalue()
    assert "[ERROR] Could not execute SQL statement. Reason:" in text
    assert "a QUERY statement is not allowed" in text
    assert "(at line 2, column 1)\nSELECT 1;\n^" in text


def test_init_reports_syntax_errors_from_classify():
    out = io.StringIO()
    assert not script.run_init(FakeSession(), "BOGUS;", "init.sql", script.Printer(out))
    assert "SqlParseException" in out.getvalue()


def test_flinklite_errors_render_through_kind_and_render():
    class Odd(FlinkliteError):
        kind = "OddException"

    out = io.StringIO()
    script.Printer(out).error(None, Odd("odd", hint="try again"), None)
    assert out.getvalue() == (
        "[ERROR] Could not execute SQL statement. Reason:\nOddException: odd\ntry again\n"
    )


def feed(monkeypatch, lines):
    """Make input() return `lines` one by one; a BaseException instance is raised instead."""
    items = iter(lines)

    def fake_input(prompt=""):
        item = next(items, EOFError())
        if isinstance(item, BaseException):
            raise item
        return item

    monkeypatch.setattr(builtins, "input", fake_input)


def test_shell_joins_lines_until_a_semicolon(monkeypatch):
    feed(monkeypatch, ["CREATE TABLE a", "(x INT);", "SHOW TABLES;", "QUIT;"])
    out = io.StringIO()
    session = FakeSession()
    assert basic_shell.run_shell(session, script.Printer(out)) == 0
    assert session.ran == ["CREATE TABLE a\n(x INT)", "SHOW TABLES"]
    assert out.getvalue().rstrip().endswith("[INFO] Exiting flinklite SQL client...")


def test_shell_ctrl_c_clears_input_and_ctrl_d_exits(monkeypatch):
    feed(monkeypatch, ["CREATE TABLE a", KeyboardInterrupt(), "SHOW TABLES;"])
    out = io.StringIO()
    session = FakeSession()
    assert basic_shell.run_shell(session, script.Printer(out)) == 0
    assert session.ran == ["SHOW TABLES"]
    assert "Exiting flinklite SQL client..." in out.getvalue()


def test_shell_keeps_going_after_an_error(monkeypatch):
    feed(monkeypatch, ["OOPS;", "SHOW TABLES;", "exit;"])
    out = io.StringIO()
    session = FakeSession()
    basic_shell.run_shell(session, script.Printer(out))
    assert session.ran == ["OOPS", "SHOW TABLES"]
    assert "[ERROR] Could not execute SQL statement." in out.getvalue()


@pytest.mark.parametrize("word", ["quit", "EXIT", " Quit "])
def test_shell_quit_words(monkeypatch, word):
    feed(monkeypatch, [f"{word};", "SHOW TABLES;"])
    session = FakeSession()
    basic_shell.run_shell(session, script.Printer(io.StringIO()))
    assert session.ran == []
