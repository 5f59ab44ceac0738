"""Flink SQL text -> AST: the Lark LALR parser (built once, cached on disk) and its errors.

Every failure is a SqlParseError with a script-relative position and a message in words."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
from pathlib import Path
from typing import Any

from lark import Lark, Token
from lark.exceptions import (
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedInput,
    UnexpectedToken,
    VisitError,
)

from flinklite.errors import FlinkliteError, Pos, SqlParseError, did_you_mean
from flinklite.resources import grammar_text
from flinklite.sql import ast
from flinklite.sql._transform_stmt import AstTransformer
from flinklite.sql.keywords import RESERVED_KEYWORDS

__all__ = [
    "RESERVED_KEYWORDS",
    "parse_expression",
    "parse_query",
    "parse_statement",
    "parse_type",
    "warm_up",
]

_STARTS = ["statement_start", "expr_start", "type_start", "query_start"]

# A reserved word that reaches the parser as a plain identifier gets this token type, which
# no rule accepts: the parse fails right there, as Flink's does (`SELECT a, FROM t`).
_RESERVED = "RESERVED_WORD"


def _mark_reserved(tok: Token) -> Token:
    if tok.value.upper() in RESERVED_KEYWORDS:
        tok.type = _RESERVED
    return tok


class _AlwaysIdent:
    """Keeps IDENT in every lexer state, so a keyword is matched only as a whole word
    (`ASCENDING` is never ASC + ENDING) and an unexpected word is reported as such."""

    always_accept = ("IDENT",)

    def process(self, stream: Any) -> Any:
        return stream


_lark: Lark | None = None
_lark_lock = threading.Lock()


def _cache_file(grammar: str) -> str:
    import lark

    key = hashlib.sha256(f"{lark.__version__}\n{grammar}".encode()).hexdigest()[:16]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    folder = os.path.join(base, "flinklite")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        folder = tempfile.gettempdir()
    return os.path.join(folder, f"flinksql-{key}.lark-cache")


def _parser() -> Lark:
    """The process-wide parser: the grammar compiles once (~seconds), then loads from cache."""
    global _lark
    if _lark is None:
        with _lark_lock:
            if _lark is None:
                grammar = grammar_text()
                _lark = Lark(
                    grammar,
                    parser="lalr",
                    lexer="contextual",
                    propagate_positions=True,
                    maybe_placeholders=False,
                    start=_STARTS,
                    postlex=_AlwaysIdent(),
                    lexer_callbacks={"IDENT": _mark_reserved},
                    cache=_cache_file(grammar),
                )
    return _lark


def warm_up() -> None:
    """Load the parser on a background thread (~0.15-0.3 s from the cache), so an interactive
    shell can show its prompt at once and still parse the first statement without a pause."""
    if _lark is None:
        threading.Thread(target=_parser, name="flinklite-parser-warm-up", daemon=True).start()


# ---------------------------------------------------------------------------------------------
# Public API


def parse_statement(text: str, *, line: int = 1, column: int = 1) -> ast.Statement:
    """Exactly one statement with an optional trailing ';'. `line`/`column` say where `text`
    starts in its script, so every position in the AST and in errors is script-relative."""
    return _parse(text, "statement_start", line, column)


def parse_expression(text: str) -> ast.Expr:
    return _parse(text, "expr_start", 1, 1)


def parse_type(text: str) -> ast.DataTypeSpec:
    return _parse(text, "type_start", 1, 1)


def parse_query(text: str) -> ast.Query:
    return _parse(text, "query_start", 1, 1)


def _parse(text: str, start: str, line: int, column: int) -> Any:
    parser = _parser()
    try:
        tree = parser.parse(text, start=start)
    except UnexpectedInput as exc:
        raise _ErrorTranslator(parser, text, line, column).translate(exc) from None
    try:
        return AstTransformer(text, line, column).transform(tree)
    except VisitError as exc:
        orig = exc.orig_exc
        if isinstance(orig, FlinkliteError):
            raise orig.with_source(text) from None
        if isinstance(orig, RecursionError):
            raise orig from None  # too deep to build: flinklite.deep says so
        raise SqlParseError(f"SQL parse failed. {orig}").with_source(text) from None


# ---------------------------------------------------------------------------------------------
# Errors: Lark's expected-terminal sets in words

_PUNCTUATION_NAMES = {
    "IDENT": "an identifier",
    "QIDENT": "an identifier",
    "QUOTED_STRING": "a string literal",
    "NUMBER": "a number",
    "BINARY_STRING": "a binary literal",
    "SET_RAW": "'key' = 'value'",
    "HINT_OPEN": "'/*+'",
    "HINT_CLOSE": "'*/'",
    "ADD_OP": "'+' or '-'",
    "MUL_OP": "an operator",
    "RELUCTANT": "'?'",
    "$END": "end of statement",
}

_STATEMENT_WORDS = (
    "SELECT",
    "INSERT",
    "CREATE",
    "DROP",
    "ALTER",
    "EXPLAIN",
    "SHOW",
    "DESCRIBE",
    "SET",
    "RESET",
    "USE",
    "VALUES",
    "WITH",
    "EXECUTE",
    "BEGIN",
    "END",
    "STOP",
    "HELP",
    "QUIT",
    "EXIT",
    "CLEAR",
)

# First words users reach for where a name belongs; the hint suggests backticks for them.
_COMMON_NAMES = RESERVED_KEYWORDS - {
    "SELECT",
    "FROM",
    "WHERE",
    "GROUP",
    "ORDER",
    "BY",
    "AND",
    "OR",
    "NOT",
    "AS",
    "ON",
    "JOIN",
    "WITH",
    "HAVING",
    "UNION",
    "IN",
    "IS",
    "LIKE",
    "BETWEEN",
    "CASE",
    "WHEN",
    "THEN",
    "ELSE",
    "END",
    "CREATE",
    "INSERT",
    "INTO",
    "TABLE",
    "LIMIT",
    "NULL",
    "DISTINCT",
    "ALL",
}


class _FirstSets:
    """The terminals that can start an expression, a data type and a statement, read from the
    parse table so the error messages stay in step with the grammar."""

    def __init__(self, parser: Lark) -> None:
        table = parser.parser.parser.parser.parse_table

        def terminals(start: str) -> set[str]:
            return {t for t in table.states[table.start_states[start]] if t.isupper()}

        self.expr = terminals("expr_start")
        self.type = terminals("type_start")
        self.statement = terminals("statement_start")
        self.nonreserved = {
            t.upper()
            for t in re.findall(
                r"\b[A-Z_]+\b",
                re.search(r"^nonreserved:(.*?)\n\n", grammar_text(), re.S | re.M).group(1),
            )
        }


_first_sets: _FirstSets | None = None


class _ErrorTranslator:
    def __init__(self, parser: Lark, text: str, line: int, column: int) -> None:
        global _first_sets
        if _first_sets is None:
            _first_sets = _FirstSets(parser)
        self.first = _first_sets
        self.parser = parser
        self.text = text
        self.line0 = line - 1
        self.col0 = column - 1
        self.terminals = {t.name: t for t in parser.terminals}

    def pos(self, line: int, column: int, end_line: int | None = None, end_column: int = 0) -> Pos:
        end_line = end_line if end_line is not None else line
        return Pos(
            line + self.line0,
            column + (self.col0 if line == 1 else 0),
            end_line + self.line0,
            (end_column + (self.col0 if end_line == 1 else 0)) if end_column else 0,
        )

    def end_pos(self) -> Pos:
        lines = self.text.split("\n")
        # Point just after the last non-blank character (a trailing newline is no place).
        stripped = self.text.rstrip()
        lines = stripped.split("\n") if stripped else [""]
        line, col = len(lines), len(lines[-1]) + 1
        return self.pos(line, col, line, col + 1)

    def expected(self, exc: UnexpectedInput) -> set[str]:
        """The terminals the parser could take where it stopped. Read from the parse table:
        a lexer-level error only knows the state lexer's patterns, in which keywords hide
        inside IDENT."""
        state = getattr(exc, "state", None)
        try:
            actions = state.parse_conf.parse_table.states[state.position]
            return {t for t in actions if t.isupper()}
        except AttributeError:
            return set(getattr(exc, "expected", None) or getattr(exc, "allowed", None) or ())

    def translate(self, exc: UnexpectedInput) -> SqlParseError:
        if (
            isinstance(exc, UnexpectedToken)
            and exc.token.type == "SET_RAW"
            and "SET_RAW" not in exc.expected
        ):
            # The state's lexer found nothing, and Lark's fallback (the lexer of all
            # terminals) read the rest of the statement as the raw value of a legacy SET.
            err = self._bad_text(exc.token, self.expected(exc))
        elif isinstance(exc, UnexpectedToken) and exc.token.type != "$END":
            err = self._unexpected_token(exc)
        elif isinstance(exc, UnexpectedToken | UnexpectedEOF):
            expected = self.describe(self.expected(exc))
            err = SqlParseError(
                f"SQL parse failed. Unexpected end of statement: expected {expected}",
                pos=self.end_pos(),
            )
        elif isinstance(exc, UnexpectedCharacters):
            err = self._unexpected_char(exc)
        else:  # pragma: no cover - Lark has no other kinds today
            err = SqlParseError(f"SQL parse failed. {exc}")
        return err.with_source(self.text)

    def _unexpected_token(self, exc: UnexpectedToken) -> SqlParseError:
        tok = exc.token
        expected = self.expected(exc)
        pos = self.pos(tok.line, tok.column, tok.end_line, tok.end_column)
        value = tok.value
        message = f'SQL parse failed. Encountered "{value}" at {pos}'
        words = self.describe(expected)
        hint = None
        if tok.type == _RESERVED and expected & {"IDENT"} and value.upper() in _COMMON_NAMES:
            hint = (
                f"{value.upper()} is a reserved keyword; to use it as a name, quote it with "
                f"backticks: `{value}`"
            )
        elif expected >= {"SELECT", "CREATE"} and tok.type in ("IDENT", _RESERVED):
            hint = did_you_mean(value, _STATEMENT_WORDS)
        else:
            hint = self._reserved_before(tok)
        if hint is None and tok.type in ("IDENT", _RESERVED):
            keywords = [t for t in expected if t.isalpha() or "_" in t]
            hint = did_you_mean(value, [k for k in keywords if k not in ("IDENT", "QIDENT")])
        return SqlParseError(f"{message}: expected {words}", pos=pos, hint=hint)

    def _reserved_before(self, tok: Token) -> str | None:
        """`SELECT timestamp FROM t` fails after TIMESTAMP: say that it was taken as a keyword."""
        before = self.text[: tok.start_pos].rstrip()
        # The word that ends `before`, found from its end: a regex search for it would try
        # every start and take quadratic time on a long word.
        start = len(before)
        while start > 0 and (before[start - 1].isalnum() or before[start - 1] == "_"):
            start -= 1
        word = before[start:]
        if word[:1].isascii() and not word[:1].isdigit() and word.upper() in _COMMON_NAMES:
            return (
                f"{word.upper()} is a reserved keyword; if it is meant as a name, quote it with "
                f"backticks: `{word}`"
            )
        return None

    def _unexpected_char(self, exc: UnexpectedCharacters) -> SqlParseError:
        allowed = self.expected(exc)
        return self._bad_char(exc.char, exc.line, exc.column, exc.pos_in_stream, allowed)

    def _bad_text(self, tok: Token, expected: set[str]) -> SqlParseError:
        word = re.match(r"\w+|\S", tok.value)
        if word is None or word.group() in "'\"`" or not word.group()[0].isalnum():
            return self._bad_char(tok.value[0], tok.line, tok.column, tok.start_pos, expected)
        text = word.group()
        pos = self.pos(tok.line, tok.column, tok.line, tok.column + len(text))
        return SqlParseError(
            f'SQL parse failed. Encountered "{text}" at {pos}: expected {self.describe(expected)}',
            pos=pos,
        )

    def _bad_char(
        self, char: str, line: int, column: int, offset: int, allowed: set[str]
    ) -> SqlParseError:
        pos = self.pos(line, column, line, column + 1)
        shown = char.replace("\n", "\\n")
        message = f'SQL parse failed. Encountered "{shown}" at {pos}'
        hint = None
        if char == "'":
            return SqlParseError(
                f"SQL parse failed. Unterminated string literal at {pos}: a string needs a "
                "closing quote (write '' for a quote inside it)",
                pos=pos,
            )
        if char == "`":
            return SqlParseError(
                f"SQL parse failed. Unterminated quoted identifier at {pos}: missing the "
                "closing backtick",
                pos=pos,
            )
        if char == '"':
            hint = (
                "Flink SQL quotes names with backticks (`name`) and strings with single "
                "quotes ('text'); double quotes are not allowed"
            )
            return SqlParseError(f"{message}: double quotes are not valid here", pos=pos, hint=hint)
        if self.text.startswith("/*+", offset):
            return SqlParseError(
                f"{message}: hints (/*+ ... */) are only allowed right after SELECT, after a "
                "table name, or after the table of an INSERT",
                pos=pos,
            )
        words = self.describe(allowed) if allowed else None
        if words:
            message += f": expected {words}"
        return SqlParseError(message, pos=pos, hint=hint)

    # --- expected terminals in words --------------------------------------------------------

    def describe(self, expected: set[str]) -> str:
        expected = {e for e in expected if e != _RESERVED}
        groups: list[str] = []
        rest = set(expected)
        if self.first.statement <= expected:
            groups.append("a statement (SELECT, INSERT, CREATE, SET, SHOW, EXPLAIN, ...)")
            rest -= self.first.statement
        if self.first.expr <= expected:
            groups.append("an expression")
            rest -= self.first.expr
        if self.first.type <= expected:
            groups.append("a data type")
            rest -= self.first.type
        if "IDENT" in rest or "QIDENT" in rest:
            groups.append("an identifier")
            rest -= {"IDENT", "QIDENT"} | self.first.nonreserved
        shown = sorted((self.show(t) for t in rest), key=_display_order)
        items = groups + shown
        if not items:
            return "something else"
        if len(items) == 1:
            return items[0]
        if len(items) > 8:
            items = items[:8] + ["..."]
        return "one of " + ", ".join(items)

    def show(self, name: str) -> str:
        if name in _PUNCTUATION_NAMES:
            return _PUNCTUATION_NAMES[name]
        term = self.terminals.get(name)
        if term is not None and term.pattern.type == "str":
            value = term.pattern.value
            return value.upper() if value.isalpha() or "_" in value else f"'{value}'"
        return name


def _display_order(item: str) -> tuple[int, str]:
    # Punctuation first (it is usually the fix), then keywords alphabetically.
    return (0 if item.startswith("'") else 1, item)
