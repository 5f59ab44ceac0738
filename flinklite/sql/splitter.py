"""Cuts a SQL script (or the shell's input buffer) into statements at top-level semicolons.

Strings, backtick identifiers, comments and STATEMENT SET BEGIN .. END blocks are respected."""

from __future__ import annotations

import re
from dataclasses import dataclass

# One alternation matched by a single finditer pass. Everything not listed (ordinary words,
# numbers, punctuation, whitespace) is skipped by the regex engine in C, so Python code runs
# only for the few tokens that can change the splitting state. Unterminated strings, quoted
# identifiers and block comments run to the end of the text. Block comments do not nest
# (Calcite's lexer ends a comment at the first `*/`); a hint `/*+ .. */` splits like one.
_LEXEMES = r"""
      ('[^']*(?:''[^']*)*'?)
    | (`[^`]*(?:``[^`]*)*`?)
    | (;)
    | (--[^\n]*|/\*.*?(?:\*/|\Z))
"""
_STRING, _QUOTED, _SEMI, _COMMENT, _KEYWORD = 1, 2, 3, 4, 5  # group numbers
# Keywords only matter for statement sets, so scripts without BEGIN use the shorter pattern.
# A keyword needs non-identifier characters on both sides; `$` is an identifier character.
_TOKEN = re.compile(_LEXEMES, re.VERBOSE | re.DOTALL)
_TOKEN_KW = re.compile(
    _LEXEMES + r"| (?<![\w$])(statement|set|begin|end|case)(?![\w$])",
    re.VERBOSE | re.DOTALL | re.IGNORECASE,
)

# Whitespace and closed comments in front of a statement, which are not part of its text. A
# hint or an unclosed comment is kept for the parser to report.
_LEADING = re.compile(r"(?:\s+|--[^\n]*|/\*(?!\+).*?\*/)*", re.DOTALL)

# `EXECUTE STATEMENT SET BEGIN` runs a set, `EXPLAIN STATEMENT SET BEGIN` explains one; the
# legacy `BEGIN STATEMENT SET;` has the words in another order and ends at its own ';'.
_OPENER = ["STATEMENT", "SET", "BEGIN"]


@dataclass(frozen=True, slots=True)
class StatementText:
    """One statement of a script: its text without the terminating ';' and where it starts."""

    text: str
    line: int  # 1-based line in the script where `text` starts
    column: int  # 1-based column there


def _scan(text: str) -> tuple[list[tuple[int, int]], bool]:
    """The [start, end) spans of the non-empty statements (outer comments trimmed), and whether
    the text ends with a top-level ';' followed by nothing but whitespace and closed comments."""
    spans: list[tuple[int, int]] = []
    start = 0  # where the current statement's raw text begins
    comments: list[tuple[int, int]] = []  # closed plain comments of the current statement
    recent: list[str] = []  # keywords just seen, adjacent up to whitespace and comments
    gap_from = 0  # end of the last token, to check that nothing stands between two keywords
    in_set = False  # inside STATEMENT SET BEGIN .. END, where ';' only separates INSERTs
    case_depth = 0  # open CASE expressions inside such a block: their END is not the block's
    open_comment = False  # the last comment runs to the end of the text

    def close(end: int) -> None:
        # Trim trailing whitespace and comments so the text ends at its last real token.
        end = _rstrip(text, start, end)
        while comments and comments[-1][1] == end:
            end = _rstrip(text, start, comments.pop()[0])
        begin = _LEADING.match(text, start, end).end()
        if begin < end:
            spans.append((begin, end))

    pattern = _TOKEN_KW if "begin" in text.lower() else _TOKEN
    for m in pattern.finditer(text):
        kind = m.lastindex
        if kind == _SEMI:
            if not in_set:
                close(m.start())
                start = m.end()
                comments.clear()
            recent.clear()
        elif kind == _KEYWORD:
            word = m.group().upper()
            if recent and not _blank(text, gap_from, m.start()):
                recent.clear()
            gap_from = m.end()
            if in_set:
                if word == "CASE":
                    case_depth += 1
                elif word == "END":
                    if case_depth:
                        case_depth -= 1
                    else:
                        in_set = False
            elif word == _OPENER[len(recent)]:
                recent.append(word)
                if len(recent) == len(_OPENER):
                    in_set, case_depth = True, 0
                    recent.clear()
            else:
                recent[:] = [word] if word == _OPENER[0] else []
        elif kind == _COMMENT:
            comment = m.group()
            gap_from = m.end()
            open_comment = comment[1] == "*" and (len(comment) < 4 or comment[-2:] != "*/")
            if not open_comment and not comment.startswith("/*+"):
                comments.append(m.span())
        elif recent:  # a string or quoted identifier separates keywords
            recent.clear()
    terminated = start > 0 and not open_comment and _LEADING.match(text, start).end() == len(text)
    close(len(text))
    return spans, terminated


def _blank(text: str, start: int, end: int) -> bool:
    return start >= end or text[start:end].isspace()


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def after_comments(text: str) -> str:
    """`text` from its first character that is neither blank nor in a comment."""
    return text[_LEADING.match(text).end() :]  # type: ignore[union-attr]


def split_statements(script: str) -> list[StatementText]:
    """The statements of `script` in order; empty ones are dropped and a final statement without
    ';' is kept. Never raises: unterminated strings or comments run to the end of the script, so
    the parser reports them at their position."""
    result = []
    line, line_start, counted = 1, 0, 0  # newlines are counted incrementally: one O(n) pass
    for begin, end in _scan(script)[0]:
        newlines = script.count("\n", counted, begin)
        if newlines:
            line += newlines
            line_start = script.rfind("\n", counted, begin) + 1
        counted = begin
        result.append(StatementText(script[begin:end], line, begin - line_start + 1))
    return result


def is_complete(buffer: str) -> bool:
    """Whether the shell should run `buffer`: it ends with a statement-terminating top-level ';',
    followed by nothing but whitespace and closed comments."""
    return _scan(buffer)[1]
