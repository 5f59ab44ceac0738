"""ALTER TABLE .. ADD / MODIFY / DROP / RENAME column: the table's CREATE TABLE statement with the
change applied, checked with Flink's messages, for the catalog to resolve again.

Working on the statement keeps one way of building a schema: the changed table is resolved as
if it had been created that way (types, computed columns, the watermark, the key checked anew)."""

from __future__ import annotations

from dataclasses import fields, replace

from flinklite.errors import UnsupportedError, ValidationError
from flinklite.sql import ast
from flinklite.sql.unparse import unparse

_FAILED = "Failed to execute ALTER TABLE statement.\n"


def altered(create: ast.CreateTable | None, stmt: ast.AlterTable) -> ast.CreateTable:
    """`create` (the table's own DDL) with the schema change `stmt` applied."""
    if create is None or create.like is not None or create.as_query is not None:
        raise UnsupportedError(
            "ALTER TABLE changing the schema of a table not created by CREATE TABLE with its "
            "columns (LIKE, AS SELECT, a catalog's own) is not supported by flinklite yet",
            pos=stmt.pos,
        )
    change = _CHANGES.get(stmt.action)
    if change is None:
        raise UnsupportedError(f"ALTER TABLE {stmt.action} is not supported", pos=stmt.pos)
    return change(_with_key_on_table(create), stmt)


def _fail(message: str, stmt: ast.AlterTable) -> ValidationError:
    return ValidationError(_FAILED + message, pos=stmt.pos)


def _with_key_on_table(create: ast.CreateTable) -> ast.CreateTable:
    """The primary key as a table constraint, also when written on its column; its columns
    NOT NULL (a key makes them so, and they stay so if the key is dropped, as in Flink)."""
    keyed = [c for c in create.columns if isinstance(c, ast.PhysicalColumn) and c.primary_key]
    key = create.primary_key
    if keyed:
        key = ast.PrimaryKey(tuple(c.name for c in keyed), pos=keyed[0].pos)
    if key is None:
        return create
    return replace(create, columns=_not_null(create.columns, key.columns), primary_key=key)


def _not_null(columns: tuple[ast.Column, ...], names: tuple[str, ...]) -> tuple[ast.Column, ...]:
    return tuple(
        replace(c, primary_key=False, type=replace(c.type, nullable=False))
        if isinstance(c, ast.PhysicalColumn) and c.name in names and c.type is not None
        else replace(c, primary_key=False)
        if isinstance(c, ast.PhysicalColumn)
        else c
        for c in columns
    )


def _names(create: ast.CreateTable) -> list[str]:
    return [c.name for c in create.columns]


def _place(columns: list[ast.Column], column: ast.Column, position: ast.ColumnPosition | None,
           stmt: ast.AlterTable) -> None:  # fmt: skip
    if position is None:
        columns.append(column)
    elif position.kind == "FIRST":
        columns.insert(0, column)
    else:
        names = [c.name for c in columns]
        if position.reference not in names:
            raise _fail(
                f"Referenced column `{position.reference}` by 'AFTER' does not exist in the table.",
                stmt,
            )
        columns.insert(names.index(position.reference) + 1, column)


def _positions(stmt: ast.AlterTable) -> dict[str, ast.ColumnPosition]:
    return {p.column: p for p in stmt.positions}


def _add(create: ast.CreateTable, stmt: ast.AlterTable) -> ast.CreateTable:
    columns = list(create.columns)
    positions = _positions(stmt)
    for column in stmt.columns:
        if column.name in [c.name for c in columns]:
            raise _fail(f"Column `{column.name}` already exists in the table.", stmt)
        _place(columns, column, positions.get(column.name), stmt)
    watermarks = create.watermarks
    if stmt.watermarks:
        if watermarks:
            raise _fail(
                "The base table has already defined the watermark strategy "
                f"`{unparse(watermarks[0].expr)}`. You might want to drop it before adding a "
                "new one.",
                stmt,
            )
        watermarks = stmt.watermarks
    key = create.primary_key
    if stmt.primary_key is not None:
        if key is not None:
            raise _fail(
                f"The base table has already defined the primary key constraint "
                f"[{', '.join(key.columns)}]. You might want to drop it before adding a new one.",
                stmt,
            )
        key = stmt.primary_key
        columns = list(_not_null(tuple(columns), key.columns))
    return replace(create, columns=tuple(columns), watermarks=watermarks, primary_key=key)


def _modify(create: ast.CreateTable, stmt: ast.AlterTable) -> ast.CreateTable:
    columns = list(create.columns)
    positions = _positions(stmt)
    for column in stmt.columns:
        names = [c.name for c in columns]
        if column.name not in names:
            raise _fail(f"Column `{column.name}` does not exist in the table.", stmt)
        at = names.index(column.name)
        position = positions.get(column.name)
        if position is None:
            columns[at] = column
        else:
            del columns[at]
            _place(columns, column, position, stmt)
    watermarks = create.watermarks
    if stmt.watermarks:
        if not watermarks:
            raise _fail(
                "The base table does not define any watermark strategy. You might want to add "
                "a new one.",
                stmt,
            )
        watermarks = stmt.watermarks
    key = create.primary_key
    if stmt.primary_key is not None:
        if key is None:
            raise _fail(
                "The base table does not define any primary key constraint. You might want to "
                "add a new one.",
                stmt,
            )
        key = stmt.primary_key
        columns = list(_not_null(tuple(columns), key.columns))
    return replace(create, columns=tuple(columns), watermarks=watermarks, primary_key=key)


def _references(create: ast.CreateTable, name: str, stmt: ast.AlterTable) -> None:
    """Refuses to drop or rename a column other parts of the schema read."""
    for c in create.columns:
        if isinstance(c, ast.ComputedColumn) and c.expr is not None:
            if name in _identifiers(c.expr):
                raise _fail(
                    f"The column `{name}` is referenced by computed column `{c.name}`.", stmt
                )
    for w in create.watermarks:
        if name in _identifiers(w.expr) or name == w.column[-1]:
            raise _fail(f"The column `{name}` is referenced by watermark expression.", stmt)


def _identifiers(node: object) -> set[str]:
    """The last part of every identifier in an expression."""
    if isinstance(node, ast.Identifier):
        return {node.parts[-1]}
    if isinstance(node, tuple):
        return set().union(*(_identifiers(v) for v in node))
    if isinstance(node, ast.Node):
        return set().union(*(_identifiers(getattr(node, f.name)) for f in fields(node)))
    return set()


def _drop_columns(create: ast.CreateTable, stmt: ast.AlterTable) -> ast.CreateTable:
    names = _names(create)
    for name in stmt.names:
        if name not in names:
            raise _fail(f"The column `{name}` does not exist in the base table.", stmt)
    remaining = replace(
        create, columns=tuple(c for c in create.columns if c.name not in stmt.names)
    )
    for name in stmt.names:
        _references(remaining, name, stmt)
        if create.primary_key is not None and name in create.primary_key.columns:
            raise _fail(f"The column `{name}` is used as the primary key.", stmt)
    return remaining


def _drop_primary_key(create: ast.CreateTable, stmt: ast.AlterTable) -> ast.CreateTable:
    key = create.primary_key
    if key is None:
        raise _fail("The base table does not define any primary key.", stmt)
    if stmt.action == "DROP CONSTRAINT" and stmt.names and key.constraint_name not in stmt.names:
        raise _fail(f"The base table does not define a primary key constraint named "
                    f"`{stmt.names[0]}`.", stmt)  # fmt: skip
    return replace(create, primary_key=None)


def _drop_watermark(create: ast.CreateTable, stmt: ast.AlterTable) -> ast.CreateTable:
    if not create.watermarks:
        raise _fail("The base table does not define any watermark strategy.", stmt)
    return replace(create, watermarks=())


def _rename_column(create: ast.CreateTable, stmt: ast.AlterTable) -> ast.CreateTable:
    old, new = stmt.names[0], stmt.new_name[-1]
    names = _names(create)
    if old not in names:
        raise _fail(f"The column `{old}` does not exist in the base table.", stmt)
    if new in names:
        raise _fail(f"The column `{new}` already existed in table schema.", stmt)
    _references(create, old, stmt)
    columns = tuple(replace(c, name=new) if c.name == old else c for c in create.columns)
    key = create.primary_key
    if key is not None and old in key.columns:
        key = replace(key, columns=tuple(new if c == old else c for c in key.columns))
    return replace(create, columns=columns, primary_key=key)


_CHANGES = {
    "ADD": _add,
    "MODIFY": _modify,
    "DROP COLUMN": _drop_columns,
    "DROP PRIMARY KEY": _drop_primary_key,
    "DROP CONSTRAINT": _drop_primary_key,
    "DROP WATERMARK": _drop_watermark,
    "RENAME COLUMN": _rename_column,
}
