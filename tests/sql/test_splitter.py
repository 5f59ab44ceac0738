"""Specification of statement splitting for scripts and the shell.

Cases from Flink's SQL client tests come first; positions always count from the script's start."""

from __future__ import annotations

import time

import pytest

from flinklite.sql.splitter import StatementText, is_complete, split_statements


def texts(script: str) -> list[str]:
    return [s.text for s in split_statements(script)]


def positions(script: str) -> list[tuple[int, int]]:
    return [(s.line, s.column) for s in split_statements(script)]


# --- Flink's client golden cases -------------------------------------------------------------


@pytest.mark.parametrize(
    "script, expected",
    [
        ("SELECT ';\n';", ["SELECT ';\n'"]),
        ("SELECT /*;\n'*/ 1;", ["SELECT /*;\n'*/ 1"]),
        ("SELECT --;\n1;", ["SELECT --;\n1"]),
    ],
)
def test_semicolons_inside_strings_and_comments_do_not_split(script, expected):
    assert texts(script) == expected
    assert is_complete(script)


# --- basic splitting ---------------------------------------------------------------------------


def test_two_statements_on_one_line():
    assert split_statements("SELECT 1; SELECT 2;") == [
        StatementText("SELECT 1", 1, 1),
        StatementText("SELECT 2", 1, 11),
    ]


def test_final_statement_without_semicolon_is_kept():
    assert texts("SELECT 1;\nSELECT 2") == ["SELECT 1", "SELECT 2"]


@pytest.mark.parametrize("script", ["", "   \n\t", ";", ";;;", " ; ;\n;", "-- only\n", "/* c */;"])
def test_empty_statements_are_dropped(script):
    assert split_statements(script) == []


def test_empty_statements_between_real_ones():
    assert texts("SELECT 1;;\n;  ;SELECT 2;") == ["SELECT 1", "SELECT 2"]


def test_positions_on_later_lines():
    script = "SET 'a' = 'b';\n\n  CREATE TABLE t (\n    a INT\n  );\n   SELECT *\n   FROM t;"
    assert positions(script) == [(1, 1), (3, 3), (6, 4)]
    assert texts(script)[1] == "CREATE TABLE t (\n    a INT\n  )"


def test_leading_comments_and_whitespace_are_stripped_and_positions_follow():
    script = "-- setup\n/* block\n comment */  SELECT 1 -- trailing\n;"
    [stmt] = split_statements(script)
    assert stmt == StatementText("SELECT 1", 3, 14)


def test_trailing_comments_are_stripped():
    assert texts("SELECT 1 /* a */ -- b\n  /* c */;") == ["SELECT 1"]


def test_comment_inside_statement_is_kept():
    assert texts("SELECT /* keep */ 1;") == ["SELECT /* keep */ 1"]


def test_position_points_at_text_start_in_original_script():
    script = "SELECT 1;\n  -- c1\n  /* c2 */ SELECT\n2;"
    stmts = split_statements(script)
    for stmt in stmts:
        lines = script.split("\n")
        assert lines[stmt.line - 1][stmt.column - 1 :].startswith(stmt.text.split("\n")[0])


# --- lexical details ---------------------------------------------------------------------------


def test_escaped_quote_inside_string():
    assert texts("SELECT 'it''s; fine'; SELECT 2") == ["SELECT 'it''s; fine'", "SELECT 2"]


def test_empty_string_literal_followed_by_semicolon():
    assert texts("SELECT '';SELECT '''';") == ["SELECT ''", "SELECT ''''"]


def test_backtick_identifier_with_semicolon_and_escaped_backtick():
    assert texts("SELECT `a;b`, `x``;y` FROM t; SELECT 1") == [
        "SELECT `a;b`, `x``;y` FROM t",
        "SELECT 1",
    ]


def test_double_quotes_have_no_special_meaning():
    # Flink quotes identifiers with backticks; a double quote is an ordinary (invalid) character.
    assert texts('SELECT "a;b"') == ['SELECT "a', 'b"']


def test_hints_are_block_comments_for_splitting():
    script = "SELECT * FROM t /*+ OPTIONS('a'=';') */; SELECT 2;"
    assert texts(script) == ["SELECT * FROM t /*+ OPTIONS('a'=';') */", "SELECT 2"]


def test_block_comments_do_not_nest():
    # Calcite ends a block comment at the first `*/`, so `1; */` is outside it.
    assert texts("SELECT /* /* */ 1; */") == ["SELECT /* /* */ 1", "*/"]


def test_line_comment_at_end_of_script_without_newline():
    assert texts("SELECT 1; -- done") == ["SELECT 1"]


def test_comment_markers_inside_strings_are_text():
    assert texts("SELECT '--', '/*'; SELECT 2") == ["SELECT '--', '/*'", "SELECT 2"]


def test_unicode_text_and_columns_count_characters():
    script = "SELECT '£€'; SELECT 'ü';\nSELECT `名前` FROM t;"
    assert split_statements(script) == [
        StatementText("SELECT '£€'", 1, 1),
        StatementText("SELECT 'ü'", 1, 14),
        StatementText("SELECT `名前` FROM t", 2, 1),
    ]


def test_crlf_line_endings():
    script = "SELECT 1;\r\n-- note\r\nSELECT\r\n  2;\r\n"
    stmts = split_statements(script)
    assert [s.text for s in stmts] == ["SELECT 1", "SELECT\r\n  2"]
    assert positions(script) == [(1, 1), (3, 1)]


def test_crlf_line_comment_does_not_swallow_next_line():
    assert texts("SELECT --;\r\n1;\r\nSELECT 2;") == ["SELECT --;\r\n1", "SELECT 2"]


def test_tabs_count_as_one_column():
    assert positions("\tSELECT 1;") == [(1, 2)]


# --- unterminated constructs: never raise, hand the rest to the parser --------------------------


def test_unterminated_string_runs_to_the_end():
    assert texts("SELECT 1; SELECT 'abc; SELECT 2;") == ["SELECT 1", "SELECT 'abc; SELECT 2;"]


def test_unterminated_block_comment_runs_to_the_end():
    assert texts("SELECT 1; SELECT /* abc; SELECT 2;") == ["SELECT 1", "SELECT /* abc; SELECT 2;"]


def test_unterminated_backtick_runs_to_the_end():
    assert texts("SELECT `a; b") == ["SELECT `a; b"]


def test_unterminated_comment_after_last_statement_is_returned_for_the_parser():
    assert split_statements("SELECT 1;\n  /* never closed; SELECT 2;") == [
        StatementText("SELECT 1", 1, 1),
        StatementText("/* never closed; SELECT 2;", 2, 3),
    ]


# --- statement sets ----------------------------------------------------------------------------

STATEMENT_SET = """EXECUTE STATEMENT SET
BEGIN
  INSERT INTO a SELECT * FROM s;
  INSERT INTO b SELECT * FROM s;
END;"""


def test_execute_statement_set_is_one_statement():
    assert texts(STATEMENT_SET + "\nSELECT 1;") == [STATEMENT_SET[:-1], "SELECT 1"]


def test_statement_set_keywords_are_case_insensitive_and_comment_separated():
    script = "execute Statement /* x */ set -- y\n begin insert into a values (1); end; select 1"
    assert len(split_statements(script)) == 2


def test_case_end_inside_statement_set_does_not_close_it():
    script = (
        "EXECUTE STATEMENT SET BEGIN\n"
        "INSERT INTO a SELECT CASE WHEN x THEN CASE y WHEN 1 THEN 2 END END FROM s;\n"
        "INSERT INTO b SELECT 1;\n"
        "END;\nSELECT 2;"
    )
    assert len(split_statements(script)) == 2
    assert split_statements(script)[1] == StatementText("SELECT 2", 5, 1)


def test_end_in_string_or_identifier_does_not_close_statement_set():
    script = (
        "EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 'END', `end`, window_end, x$end FROM s;"
        " END; SELECT 3"
    )
    assert texts(script)[1] == "SELECT 3"


def test_explain_statement_set_is_one_statement():
    script = "EXPLAIN STATEMENT SET BEGIN INSERT INTO a VALUES (1); INSERT INTO b VALUES (2); END;"
    assert len(split_statements(script)) == 1


def test_legacy_begin_statement_set_is_separate_statements():
    script = "BEGIN STATEMENT SET;\nINSERT INTO a VALUES (1);\nINSERT INTO b VALUES (2);\nEND;"
    assert split_statements(script) == [
        StatementText("BEGIN STATEMENT SET", 1, 1),
        StatementText("INSERT INTO a VALUES (1)", 2, 1),
        StatementText("INSERT INTO b VALUES (2)", 3, 1),
        StatementText("END", 4, 1),
    ]


def test_words_between_keywords_break_the_opener():
    # `SET` and `BEGIN` here are not adjacent, so the ';' ends the statement.
    assert len(split_statements("SELECT statement, set, x begin FROM t; SELECT 1")) == 2


def test_set_statement_is_not_an_opener():
    assert texts("SET 'a' = 'b'; BEGIN STATEMENT SET;") == ["SET 'a' = 'b'", "BEGIN STATEMENT SET"]


def test_unclosed_statement_set_runs_to_the_end():
    script = "EXECUTE STATEMENT SET BEGIN INSERT INTO a VALUES (1); INSERT INTO b VALUES (2);"
    assert texts(script) == [script]
    assert not is_complete(script)


# --- is_complete (the shell) -------------------------------------------------------------------


@pytest.mark.parametrize(
    "buffer",
    [
        "SELECT 1;",
        "SELECT 1;  ",
        "SELECT 1;\n",
        "SELECT 1; -- done",
        "SELECT 1; /* done */\n",
        "SELECT\n  1\n;",
        "SELECT ';';",
        "SELECT 1; SELECT 2;",
        "BEGIN STATEMENT SET;",
        STATEMENT_SET,
        ";",
    ],
)
def test_complete(buffer):
    assert is_complete(buffer)


@pytest.mark.parametrize(
    "buffer",
    [
        "",
        "  \n",
        "SELECT 1",
        "SELECT 1; SELECT 2",
        "SELECT ';",
        "SELECT 1 -- ;",
        "SELECT 1; /* open",
        "SELECT /* ; */ 1",
        "EXECUTE STATEMENT SET BEGIN INSERT INTO a VALUES (1);",
        "EXECUTE STATEMENT SET BEGIN INSERT INTO a VALUES (1); END",
        "-- just a comment",
    ],
)
def test_incomplete(buffer):
    assert not is_complete(buffer)


# --- speed -------------------------------------------------------------------------------------


def test_one_megabyte_script_splits_fast():
    unit = (
        "CREATE TABLE t (a STRING, `b;` INT) WITH ('connector' = 'datagen'); -- note ;\n"
        "SELECT a, 'x;y', /* ; */ CASE WHEN b > 1 THEN 'end' END FROM t;\n"
        "EXECUTE STATEMENT SET BEGIN INSERT INTO s SELECT * FROM t; END;\n"
    )
    script = unit * (1_000_000 // len(unit) + 1)
    start = time.perf_counter()
    stmts = split_statements(script)
    elapsed = time.perf_counter() - start
    assert len(stmts) == 3 * (1_000_000 // len(unit) + 1)
    assert elapsed < 0.8, f"splitting 1 MB took {elapsed:.2f}s"  # ~0.2 s on an idle machine
