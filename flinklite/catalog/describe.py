"""The rows of DESCRIBE / SHOW COLUMNS / SHOW TABLES and friends, and SHOW CREATE TABLE / VIEW text,
formatted exactly as Flink's TableEnvironmentImpl and ShowCreateUtil produce them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from flinklite.catalog import types as T
from flinklite.catalog.catalog import ResolvedTable, ResolvedView
from flinklite.catalog.schema import Schema
from flinklite.catalog.types import DataType
from flinklite.sql.unparse import quote_identifier, quote_string

INDENT = "  "


class Rows(NamedTuple):
    """A finite result: column names, their types and the rows (plain Python values)."""

    columns: tuple[str, ...]
    types: tuple[DataType, ...]
    rows: list[tuple[Any, ...]]


_STRING = T.string()
_NOT_NULL_STRING = T.string(nullable=False)


# --- DESCRIBE / SHOW COLUMNS -----------------------------------------------------------------------

DESCRIBE_COLUMNS = ("name", "type", "null", "key", "extras", "watermark")
_DESCRIBE_TYPES = (_NOT_NULL_STRING, _NOT_NULL_STRING, T.boolean(False), _STRING, _STRING, _STRING)


def describe(schema: Schema, *, like: str | None = None, not_like: bool = False) -> Rows:
    """DESCRIBE t / SHOW COLUMNS FROM t [NOT] LIKE 'p': one row per column. `null` is a bool;
    `key`, `extras` and `watermark` are None where Flink prints an empty cell."""
    pk_text: dict[str, str] = {}
    if schema.primary_key is not None:
        text = f"PRI({', '.join(schema.primary_key.columns)})"
        pk_text = {c: text for c in schema.primary_key.columns}
    watermark = {schema.watermark.rowtime: schema.watermark.sql} if schema.watermark else {}
    rows = []
    for col in schema.columns:
        if like is not None and _like_matches(col.name, like) == not_like:
            continue
        rows.append(
            (
                col.name,
                col.type.with_nullable(True).summary(),
                col.type.nullable,
                pk_text.get(col.name),
                col.explain_extras(),
                watermark.get(col.name),
            )
        )
    return Rows(DESCRIBE_COLUMNS, _DESCRIBE_TYPES, rows)


def describe_view(view: ResolvedView, *, like: str | None = None, not_like: bool = False) -> Rows:
    """A view's columns: types keep time-attribute marks, but keys, extras and watermarks are
    not a view's to show."""
    return describe(view.schema, like=like, not_like=not_like)


def _like_matches(value: str, pattern: str) -> bool:
    """SQL LIKE with % and _ (case-sensitive, as Flink's SHOW ... LIKE)."""
    regex = "".join(".*" if ch == "%" else "." if ch == "_" else re.escape(ch) for ch in pattern)
    return re.fullmatch(regex, value, flags=re.DOTALL) is not None


# --- SHOW TABLES / VIEWS / FUNCTIONS / CATALOGS / DATABASES ------------------------------------------


def name_list(
    header: str, names: Iterable[str], *, like: str | None = None, not_like: bool = False
) -> Rows:
    """A one-column listing such as SHOW TABLES (`table name`), sorted as Flink sorts them."""
    values = sorted(set(names))
    if like is not None:
        values = [v for v in values if _like_matches(v, like) != not_like]
    return Rows((header,), (_NOT_NULL_STRING,), [(v,) for v in values])


def show_tables(names: Iterable[str], **kw: Any) -> Rows:
    return name_list("table name", names, **kw)


def show_views(names: Iterable[str], **kw: Any) -> Rows:
    return name_list("view name", names, **kw)


def show_functions(
    user_functions: Iterable[str], builtin_functions: Iterable[str] = (), **kw: Any
) -> Rows:
    """SHOW FUNCTIONS lists built-in and user functions; SHOW USER FUNCTIONS passes none of the
    former."""
    return name_list("function name", [*builtin_functions, *user_functions], **kw)


def show_catalogs(names: Iterable[str], **kw: Any) -> Rows:
    return name_list("catalog name", names, **kw)


def show_databases(names: Iterable[str], **kw: Any) -> Rows:
    return name_list("database name", names, **kw)


def show_current(what: str, value: str) -> Rows:
    """SHOW CURRENT CATALOG / DATABASE."""
    header = "current catalog name" if what == "CATALOG" else "current database name"
    return Rows((header,), (_NOT_NULL_STRING,), [(value,)])


# --- SHOW CREATE TABLE / VIEW ---------------------------------------------------------------------


def _column_line(col: Any) -> str:
    text = quote_identifier(col.name, always=True) + " "
    extras = col.explain_extras()
    if col.is_physical or extras is None or not extras.startswith("AS "):
        text += col.type.serializable()
        if extras:
            text += " " + extras
    else:
        text += extras  # a computed column shows its expression instead of its type
    if col.comment:
        text += " COMMENT " + quote_string(col.comment)
    return text


# Flink's GlobalConfiguration.isSensitive: a key containing one of these names a secret, whose
# value Flink's logs and web UI show as "******".
SENSITIVE = (
    "password", "secret", "fs.azure.account.key", "apikey", "api-key", "auth-params",
    "service-key", "token", "basic-auth", "jaas.config", "http-headers",
)  # fmt: skip
HIDDEN = "******"


def is_sensitive(key: str) -> bool:
    lowered = key.lower()
    return any(word in lowered for word in SENSITIVE)


def show_create_table(table: ResolvedTable, show_secrets: bool = False) -> str:
    """Flink's ShowCreateUtil.buildShowCreateTableRow; options are printed sorted by key, the
    values of secret ones hidden unless `show_secrets` ('flinklite.show-secrets')."""
    schema = table.schema
    temporary = "TEMPORARY " if table.temporary else ""
    out = [f"CREATE {temporary}TABLE {table.identifier.serializable()} (\n"]
    out.append(",\n".join(INDENT + _column_line(c) for c in schema.columns))
    if schema.watermark is not None:
        wm = schema.watermark
        out.append(
            f",\n{INDENT}WATERMARK FOR {quote_identifier(wm.rowtime, always=True)} AS {wm.sql}"
        )
    if schema.primary_key is not None:
        out.append(f",\n{INDENT}{schema.primary_key.summary()}")
    out.append("\n)\n")
    if table.comment:
        out.append(f"COMMENT {quote_string(table.comment)}\n")
    if table.partition_keys:
        out.append(
            f"PARTITIONED BY ({', '.join(quote_identifier(k, always=True) for k in table.partition_keys)})\n"
        )
    if table.options:
        lines = [
            f"{INDENT}{quote_string(k)} = "
            + quote_string(HIDDEN if is_sensitive(k) and not show_secrets else table.options[k])
            for k in sorted(table.options)
        ]
        out.append("WITH (\n" + ",\n".join(lines) + "\n)\n")
    return "".join(out)


def show_create_view(view: ResolvedView) -> str:
    """Flink's buildShowCreateViewRow: column names, comment, then the expanded query."""
    temporary = "TEMPORARY " if view.temporary else ""
    names = view.schema.names
    out = [f"CREATE {temporary}VIEW {view.identifier.serializable()} (\n"]
    out.append(",\n".join(INDENT + quote_identifier(n, always=True) for n in names))
    out.append("\n)\n")
    if view.comment:
        out.append(f"COMMENT {quote_string(view.comment)}\n")
    query = view.expanded_query
    if query is None:
        from flinklite.sql.unparse import unparse

        query = unparse(view.query, quote_all=True)
    out.append(f"AS {query}\n")
    return "".join(out)


def show_create(obj: ResolvedTable | ResolvedView, show_secrets: bool = False) -> str:
    if isinstance(obj, ResolvedTable):
        return show_create_table(obj, show_secrets)
    return show_create_view(obj)
