"""Property: whatever text comes in, the splitter and the parser fail only with FlinkliteError.

Inputs are random SQL-ish text and corpus statements damaged at the character or token level."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flinklite.errors import FlinkliteError
from flinklite.sql.parser import parse_statement
from flinklite.sql.splitter import split_statements

CORPUS = [
    statement.text
    for path in sorted((Path(__file__).parent / "valid").glob("*.sql"))
    for statement in split_statements(path.read_text(encoding="utf-8"))
]

# Strings, quoted identifiers and comments stay whole, so token mutations damage structure.
_TOKEN = re.compile(r"'(?:[^']|'')*'?|`[^`]*`?|--[^\n]*|/\*.*?(?:\*/|$)|\w+|\s+|.", re.DOTALL)

# Fragments that open or close lexical states, or are easy to get wrong, to splice in.
# fmt: off
SNIPPETS = [
    "'", "''", "`", '"', "(", ")", "[", "]", "<", ">", ",", ";", ".", "*", "+?", "{", "}", "{-",
    "-}", "^", "$", "|", "?", "\\", "--", "//", "/*", "*/", "/*+", "\n", "\t", " ", "€", "£",
    "\x00", "\ufeff", "1e", "1.", ".5", "X'", "0x", "SELECT", "FROM", "WHERE", "GROUP BY", "AS",
    "CAST", "INTERVAL", "TIMESTAMP", "ROW", "ARRAY", "MAP", "CASE", "END", "BEGIN", "STATEMENT",
    "SET", "EXECUTE", "MATCH_RECOGNIZE", "PATTERN", "DEFINE", "MEASURES", "WITHIN", "TABLE",
    "TUMBLE", "DESCRIPTOR", "OVER", "WITH", "PRIMARY KEY", "WATERMARK", "NOT", "NULL",
]
# fmt: on

FUZZ = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def assert_fails_cleanly(text: str) -> None:
    """Split and parse `text`, whole and statement by statement; only FlinkliteError may escape."""
    statements = split_statements(text)
    for statement in statements:
        assert statement.line >= 1 and statement.column >= 1
    for piece, line, column in [(text, 1, 1), *((s.text, s.line, s.column) for s in statements)]:
        try:
            parse_statement(piece, line=line, column=column)
        except FlinkliteError as error:
            error.with_source(text).render()  # rendering must not fail either


@st.composite
def damaged(draw: st.DrawFn) -> str:
    """A corpus statement after one to four random edits of its characters or tokens."""
    text = draw(st.sampled_from(CORPUS))
    for _ in range(draw(st.integers(1, 4))):
        units = list(text) if draw(st.booleans()) else _TOKEN.findall(text)
        if not units:
            break
        i = draw(st.integers(0, len(units) - 1))
        j = draw(st.integers(0, len(units) - 1))
        edit = draw(st.sampled_from(["delete", "insert", "duplicate", "swap", "truncate"]))
        if edit == "delete":
            del units[i]
        elif edit == "insert":
            units.insert(i, draw(st.sampled_from(SNIPPETS)))
        elif edit == "duplicate":
            units.insert(i, units[i])
        elif edit == "swap":
            units[i], units[j] = units[j], units[i]
        else:
            units = units[:i]
        text = "".join(units)
    return text


sql_words = st.lists(st.sampled_from(SNIPPETS + ["orders", "a", "1", "'x'", "`c`"]), max_size=30)


@FUZZ
@given(damaged())
def test_damaged_corpus_statements_fail_only_with_flinklite_errors(text):
    assert_fails_cleanly(text)


@FUZZ
@given(st.one_of(st.text(max_size=200), sql_words.map(" ".join), sql_words.map("".join)))
def test_random_text_fails_only_with_flinklite_errors(text):
    assert_fails_cleanly(text)


def test_corpus_is_loaded():
    assert len(CORPUS) >= 250
