"""Script variables: `${name}` and `${name:-default}` replaced from the session configuration
before parsing, never inside comments, an unset one an error at its position."""

from __future__ import annotations

import pytest

from flinklite.errors import ValidationError
from flinklite.session import Session
from flinklite.sql.variables import substitute

VALUES = {"kafka.bootstrap": "127.0.0.1:9092", "who": "world"}.get


def test_values_and_defaults():
    text = "WITH ('a' = '${kafka.bootstrap}', 'b' = '${registry.url:-http://localhost:8081}')"
    assert substitute(text, VALUES) == (
        "WITH ('a' = '127.0.0.1:9092', 'b' = 'http://localhost:8081')"
    )


def test_comments_are_left_alone_but_strings_with_dashes_are_not_comments():
    text = "SELECT '--${who}' -- ${unset}\n/* ${unset} */ , ${who:-x}"
    assert substitute(text, VALUES) == "SELECT '--world' -- ${unset}\n/* ${unset} */ , world"


def test_text_without_variables_is_unchanged():
    text = "SELECT '$' || '{' AS a, 'cost: $5' AS b"
    assert substitute(text, VALUES) is text


def test_an_unset_variable_is_an_error_at_its_position_in_the_script():
    with pytest.raises(ValidationError) as caught:
        substitute("SELECT 1,\n  ${missing} AS c", VALUES, line=7, column=1)
    error = caught.value
    assert "Variable 'missing' is not set: pass -D missing=VALUE" in error.message
    assert (error.pos.line, error.pos.column, error.pos.end_column) == (8, 3, 13)


def test_the_session_substitutes_from_its_configuration():
    session = Session({"greeting": "hello"})
    session.execute_statement("SET 'who' = 'world'")
    result = session.execute_statement("SELECT '${greeting}, ${who}!' AS s")
    assert [row for _, row in result.changes()] == [("hello, world!",)]
    session.close()


def test_a_statement_is_classified_after_its_variables_are_replaced():
    # An init file refuses queries: a variable must not hide what a statement is.
    session = Session()
    assert session.classify("SELECT ${n:-1} AS x") == "QUERY"
    session.close()
