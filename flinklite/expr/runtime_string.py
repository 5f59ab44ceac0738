"""Character-string functions at run time, with Flink 2.3's edge cases (1-based positions,
negative starts, NULL rules) and Java regular expressions translated to Python's `re`."""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
import uuid as _uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from flinklite.errors import ExecutionError
from flinklite.expr.literals import FrozenMap

# --- Java regular expressions ------------------------------------------------------------------

_POSIX = {
    "Lower": "a-z",
    "Upper": "A-Z",
    "ASCII": "\\x00-\\x7F",
    "Alpha": "a-zA-Z",
    "Digit": "0-9",
    "Alnum": "a-zA-Z0-9",
    "Punct": "!-/:-@\\[-`{-~",
    "Graph": "!-~",
    "Print": " -~",
    "Blank": " \\t",
    "Cntrl": "\\x00-\\x1F\\x7F",
    "XDigit": "0-9a-fA-F",
    "Space": " \\t\\n\\x0B\\f\\r",
    "L": "^\\W\\d_",
    "IsAlphabetic": "^\\W\\d_",
    "IsDigit": "\\d",
    "N": "\\d",
    "Lu": "A-Z",
    "Ll": "a-z",
}


def _translate_java_regex(pattern: str) -> str:
    """What differs between java.util.regex and Python's re: named groups, \\p{..} classes,
    \\Q..\\E quoting, \\z."""
    out: list[str] = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        ch = pattern[i]
        if ch == "\\" and i + 1 < n:
            nxt = pattern[i + 1]
            if nxt == "Q":
                end = pattern.find("\\E", i + 2)
                end = n if end < 0 else end
                out.append(re.escape(pattern[i + 2 : end]))
                i = end + 2
                continue
            if nxt in "pP" and i + 2 < n:
                if pattern[i + 2] == "{":
                    end = pattern.find("}", i + 3)
                    name = pattern[i + 3 : end]
                    i = end + 1
                else:
                    name = pattern[i + 2]
                    i += 3
                name = name[2:] if name.startswith("Is") and name[2:] in _POSIX else name
                body = _POSIX.get(name, "^\\W\\d_" if name.startswith("L") else "\\w")
                negate = nxt == "P"
                if body.startswith("^"):
                    negate, body = not negate, body[1:]
                if in_class:
                    out.append(body if not negate else body)  # best effort inside a class
                else:
                    out.append(("[^" if negate else "[") + body + "]")
                continue
            if nxt == "z":
                out.append("\\Z")
                i += 2
                continue
            if nxt == "Z":
                out.append("(?=\\n?\\Z)")
                i += 2
                continue
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif (
            ch == "(" and pattern.startswith("(?<", i) and pattern[i + 3 : i + 4] not in ("=", "!")
        ):
            out.append("(?P<")
            i += 3
            continue
        out.append(ch)
        i += 1
    return "".join(out)


@functools.lru_cache(maxsize=512)
def java_regex(pattern: str) -> re.Pattern[str] | None:
    """The compiled Python form of a Java regular expression, or None when it is invalid
    (Flink's regex functions then give NULL)."""
    try:
        return re.compile(_translate_java_regex(pattern))
    except re.error:
        return None


def regexp(s: str, pattern: str) -> bool | None:
    rx = java_regex(pattern)
    return None if rx is None else rx.search(s) is not None


def regexp_replace(s: str, pattern: str, replacement: str) -> str | None:
    # Flink 2.3 inserts the replacement literally: '$1' stays '$1' (observed).
    rx = java_regex(pattern)
    if rx is None:
        return None
    return rx.sub(lambda _m: replacement, s)


def regexp_extract(s: str, pattern: str, index: int = 0) -> str | None:
    rx = java_regex(pattern)
    if rx is None:
        return None
    m = rx.search(s)
    if m is None or index < 0 or index > rx.groups:
        return None
    return m.group(index)


# --- LIKE and SIMILAR TO -----------------------------------------------------------------------


def _wildcard_regex(pattern: str, escape: str | None, passthrough: str) -> re.Pattern[str]:
    """% any run, _ one character, the escape character quotes the next; the characters in
    `passthrough` keep their regex meaning (SIMILAR TO's), every other one is literal."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if escape is not None and ch == escape and i + 1 < n:
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        if ch == "%":
            out.append(".*")
        elif ch == "_":
            out.append(".")
        else:
            out.append(ch if ch in passthrough else re.escape(ch))
        i += 1
    return re.compile("".join(out), re.DOTALL)


@functools.lru_cache(maxsize=512)
def like_regex(pattern: str, escape: str | None = None) -> re.Pattern[str]:
    """SQL LIKE as a regex."""
    return _wildcard_regex(pattern, escape, "")


def like(s: str, pattern: str, escape: str | None = None) -> bool:
    return like_regex(pattern, escape).fullmatch(s) is not None


@functools.lru_cache(maxsize=256)
def similar_regex(pattern: str, escape: str | None = None) -> re.Pattern[str]:
    """SQL SIMILAR TO: LIKE's wildcards plus regex alternation, grouping and repetition."""
    return _wildcard_regex(pattern, escape, "|()*+?{}[]^-,0123456789")


def similar(s: str, pattern: str, escape: str | None = None) -> bool:
    return similar_regex(pattern, escape).fullmatch(s) is not None


# --- Java's String.compareTo ----------------------------------------------------------------------


def java_compare(a: str, b: str) -> int:
    """Order by UTF-16 code units (only differs from code points above U+FFFF)."""
    if a.isascii() or b.isascii():
        return (a > b) - (a < b)
    ea, eb = a.encode("utf-16-be"), b.encode("utf-16-be")
    return (ea > eb) - (ea < eb)


# --- trimming and padding ----------------------------------------------------------------------


def trim(side: str, chars: str, s: str) -> str:
    if side == "LEADING":
        return s.lstrip(chars)
    if side == "TRAILING":
        return s.rstrip(chars)
    return s.strip(chars)


def trim_spaces(s: str) -> str:
    return s.strip(" ")


def ltrim(s: str, chars: str = " ") -> str:
    return s.lstrip(chars)


def rtrim(s: str, chars: str = " ") -> str:
    return s.rstrip(chars)


def _padding(s: str, length: int, pad: str) -> tuple[str, str] | None:
    """(the string cut to `length`, the padding it needs): None for a negative length or an
    empty pad that would be needed, as Flink returns NULL then."""
    if length < 0:
        return None
    if length <= len(s):
        return s[:length], ""
    if not pad:
        return None
    need = length - len(s)
    return s, (pad * (need // len(pad) + 1))[:need]


def lpad(s: str, length: int, pad: str) -> str | None:
    padded = _padding(s, length, pad)
    return None if padded is None else padded[1] + padded[0]


def rpad(s: str, length: int, pad: str) -> str | None:
    padded = _padding(s, length, pad)
    return None if padded is None else padded[0] + padded[1]


def repeat(s: str, n: int) -> str:
    return s * n if n > 0 else ""


# --- substrings and positions -------------------------------------------------------------------


def substring(s: str, pos: int, length: int | None = None) -> str | None:
    """BinaryStringData.substringSQL: 1-based; 0 counts as 1; negative counts from the end."""
    if length is not None and length < 0:
        return None
    n = len(s)
    if pos > 0:
        start = pos - 1
        if start >= n:
            return ""
    elif pos < 0:
        start = n + pos
        if start < 0:
            return ""
    else:
        start = 0
    end = n if length is None or n - start < length else start + length
    return s[start:end]


def left(s: str, n: int) -> str:
    return s[:n] if n > 0 else ""


def right(s: str, n: int) -> str:
    return s[-n:] if n > 0 else ""


def position(sub: str, s: str) -> int:
    return s.find(sub) + 1


def locate(sub: str, s: str, start: int = 1) -> int:
    # Flink treats a start below 1 as 1 (LOCATE('o', w, 0) finds the first 'o').
    return s.find(sub, max(start, 1) - 1) + 1


def overlay(s: str, new: str, pos: int, length: int | None = None) -> str:
    n = len(new) if length is None else length
    return s[: max(pos - 1, 0)] + new + s[max(pos - 1, 0) + max(n, 0) :]


def split_index(s: str, sep: Any, index: int) -> str | None:
    if isinstance(sep, int):
        sep = chr(sep)
    if index < 0:
        return None
    parts = s.split(sep) if sep else [s]
    return parts[index] if index < len(parts) else None


def split(s: str, sep: str) -> tuple[str, ...]:
    """SPLIT: the parts between separators, empty ones kept; an empty separator splits into
    characters and an empty string has no parts."""
    if not s:
        return ()
    return tuple(s) if not sep else tuple(s.split(sep))


def replace(s: str, old: str, new: str) -> str:
    return s.replace(old, new)


def initcap(s: str) -> str:
    """Calcite's initcap: words are runs of ASCII letters and digits; the first letter of a word
    goes upper case, the others lower; any other character (even 'é') separates words."""
    out = []
    start = True
    for ch in s:
        word_char = ch.isascii() and ch.isalnum()
        if start:
            if word_char:
                start = False
                ch = ch.upper()
        elif not word_char:
            start = True
        else:
            ch = ch.lower()
        out.append(ch)
    return "".join(out)


def concat(*parts: str) -> str:
    return "".join(parts)


def concat_ws(sep: str | None, *parts: str | None) -> str | None:
    if sep is None:
        return None
    return sep.join(p for p in parts if p is not None)


def reverse(s: str) -> str:
    return s[::-1]


def ascii_code(s: str) -> int:
    return ord(s[0]) if s else 0


def chr_fn(n: int) -> str | None:
    return chr(n % 256) if n >= 0 else ""


# --- encodings and digests -----------------------------------------------------------------------


def _bytes(v: str | bytes) -> bytes:
    return v if isinstance(v, bytes) else v.encode("utf-8")


def digest(algorithm: str) -> Callable[[str | bytes], str]:
    return lambda v: hashlib.new(algorithm, _bytes(v)).hexdigest()


def to_base64(v: str | bytes) -> str:
    return base64.b64encode(_bytes(v)).decode("ascii")


def from_base64(v: str | bytes) -> str:
    data = _bytes(v)
    bad = next((b for b in data if chr(b) not in _BASE64_ALPHABET), None)
    if bad is not None:
        raise ExecutionError(
            f"java.lang.IllegalArgumentException: Illegal base64 character {bad:x}"
        )
    return base64.b64decode(data).decode("utf-8", errors="replace")


_BASE64_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")


def hex_fn(v: int | str) -> str:
    if isinstance(v, int):
        return format(v & 0xFFFFFFFFFFFFFFFF, "X")
    return v.encode("utf-8").hex().upper()


def bin_fn(v: int) -> str:
    return format(v & 0xFFFFFFFFFFFFFFFF, "b")


def uuid() -> str:
    return str(_uuid.uuid4())


def is_digit(s: str) -> bool:
    return s.isascii() and s.isdigit()


def is_alpha(s: str) -> bool:
    return s.isascii() and s.isalpha()


def is_decimal(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return bool(s) and s.strip() == s and s.lower() not in ("nan", "inf", "-inf", "infinity")


def str_to_map(s: str, pair_sep: str = ",", kv_sep: str = "=") -> dict[str, str | None]:
    out: dict[str, str | None] = FrozenMap()
    for item in s.split(pair_sep):
        key, found, value = item.partition(kv_sep)
        out[key] = value if found else None
    return out


# --- JSON ----------------------------------------------------------------------------------------

_PATH_RE = re.compile(r"\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\['([^']*)'\]|\[\"([^\"]*)\"\]")


@functools.lru_cache(maxsize=256)
def _json_path(path: str) -> list[str | int] | None:
    path = path.strip()
    if path.startswith("lax "):
        path = path[4:].strip()
    if not path.startswith("$"):
        return None
    steps: list[str | int] = []
    i = 1
    while i < len(path):
        m = _PATH_RE.match(path, i)
        if not m:
            return None
        if m.group(2) is not None:
            steps.append(int(m.group(2)))
        else:
            steps.append(next(g for g in (m.group(1), m.group(3), m.group(4)) if g is not None))
        i = m.end()
    return steps


def _json_walk(text: str, path: str) -> tuple[bool, Any]:
    steps = _json_path(path)
    if steps is None:
        return False, None
    try:
        node = json.loads(text, parse_float=_json_float, parse_int=_JsonNumber)
    except (ValueError, TypeError):
        return False, None
    for step in steps:
        if isinstance(step, int) and isinstance(node, list) and step < len(node):
            node = node[step]
        elif isinstance(step, str) and isinstance(node, dict) and step in node:
            node = node[step]
        else:
            return False, None
    return True, node


class _JsonNumber(str):
    """A JSON number as Flink's JSON_VALUE prints it ('1.50' stays '1.50', 1e2 is '1E+2')."""


def _json_float(text: str) -> _JsonNumber:
    return _JsonNumber(str(Decimal(text)))


def json_value(text: str, path: str) -> str | None:
    found, node = _json_walk(text, path)
    if not found or isinstance(node, (dict, list)) or node is None:
        return None
    if isinstance(node, bool):
        return "true" if node else "false"
    return str(node)


def json_exists(text: str, path: str) -> bool:
    # Flink's path evaluation treats a JSON null where the path ends as nothing there.
    found, node = _json_walk(text, path)
    return found and node is not None


def json_query(text: str, path: str) -> str | None:
    found, node = _json_walk(text, path)
    if not found or not isinstance(node, (dict, list)):
        return None
    return _json_text(node)


def _json_text(node: Any) -> str:
    """Compact JSON as Flink's Jackson writes it: non-ASCII characters as they are."""
    if isinstance(node, dict):
        return (
            "{"
            + ",".join(
                json.dumps(k, ensure_ascii=False) + ":" + _json_text(v) for k, v in node.items()
            )
            + "}"
        )
    if isinstance(node, list):
        return "[" + ",".join(_json_text(v) for v in node) + "]"
    if isinstance(node, _JsonNumber):
        return str(node)
    return json.dumps(node, ensure_ascii=False)
