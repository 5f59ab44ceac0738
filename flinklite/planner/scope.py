"""Name resolution: which columns a clause can see, under which table aliases, with Flink's errors.

A Scope lists the fields of the current input row; qualified names go through relation aliases,
and correlated subqueries see their enclosing scopes through `parent`."""

from __future__ import annotations

from dataclasses import dataclass, field

from flinklite.catalog.types import DataType, RowField
from flinklite.errors import Pos, ValidationError, did_you_mean
from flinklite.expr.rex import CorrelRef, FieldAccessRex, InputRef, Rex


@dataclass(frozen=True, slots=True)
class ScopeField:
    relation: str | None  # the alias (or table name) it comes from; None for derived rows
    name: str
    type: DataType


@dataclass(slots=True)
class Scope:
    fields: list[ScopeField] = field(default_factory=list)
    parent: Scope | None = None
    # Calcite reports a missing name in a table's own expressions (computed columns, DESCRIPTOR)
    # as an unknown identifier, and in queries as a column not found in any table.
    table_expression: bool = False

    @staticmethod
    def of(relation: str | None, fields: tuple[RowField, ...] | list[RowField]) -> Scope:
        return Scope([ScopeField(relation, f.name, f.type) for f in fields])

    def concat(self, other: Scope) -> Scope:
        return Scope(self.fields + other.fields, self.parent)

    @property
    def relations(self) -> list[str]:
        seen: list[str] = []
        for f in self.fields:
            if f.relation is not None and f.relation not in seen:
                seen.append(f.relation)
        return seen

    def relation_fields(self, alias: str) -> list[int]:
        return [i for i, f in enumerate(self.fields) if f.relation == alias]

    def resolve(self, parts: tuple[str, ...], pos: Pos) -> Rex:
        """A column reference, searched here and then in enclosing scopes (correlation)."""
        scope: Scope | None = self
        depth = 0
        while scope is not None:
            found = scope._lookup(parts, pos)
            if found is not None:
                if depth == 0:
                    return found
                return _correlate(found, depth, scope)
            scope = scope.parent
            depth += 1
        raise self._not_found(parts, pos)

    def _lookup(self, parts: tuple[str, ...], pos: Pos) -> Rex | None:
        # `a.b.c`: try the longest relation-qualified prefix first, then a column with fields.
        if len(parts) >= 2 and parts[0] in self.relations:
            ref = self._column(parts[1], pos, relation=parts[0])
            if ref is None:
                names = [self.fields[i].name for i in self.relation_fields(parts[0])]
                raise ValidationError(
                    f"Column '{parts[1]}' not found in table '{parts[0]}'",
                    pos=pos,
                    hint=did_you_mean(parts[1], names),
                )
            return _field_path(ref, parts[2:], pos)
        ref = self._column(parts[0], pos)
        if ref is None:
            return None
        return _field_path(ref, parts[1:], pos)

    def _column(self, name: str, pos: Pos, relation: str | None = None) -> InputRef | None:
        matches = [
            i
            for i, f in enumerate(self.fields)
            if f.name == name and (relation is None or f.relation == relation)
        ]
        if not matches:
            return None
        if len(matches) > 1:
            raise ValidationError(f"Column '{name}' is ambiguous", pos=pos)
        i = matches[0]
        return InputRef(self.fields[i].type, i)

    def _not_found(self, parts: tuple[str, ...], pos: Pos) -> ValidationError:
        name = parts[-1] if len(parts) > 1 and parts[0] in self.relations else parts[0]
        if (
            len(parts) >= 2
            and parts[0] not in self.relations
            and self._column(parts[0], pos) is None
        ):
            # `x.col` where x is neither a table alias nor a column: name the table problem.
            names = self.relations
            return ValidationError(
                f"Table '{parts[0]}' not found",
                pos=pos,
                hint=did_you_mean(parts[0], names) or did_you_mean(parts[0], self.all_names()),
            )
        message = (
            f"Unknown identifier '{name}'"
            if self.table_expression
            else f"Column '{name}' not found in any table"
        )
        return ValidationError(
            message,
            pos=pos,
            hint=did_you_mean(name, self.all_names()),
        )

    def all_names(self) -> list[str]:
        names: list[str] = []
        scope: Scope | None = self
        while scope is not None:
            names += [f.name for f in scope.fields]
            scope = scope.parent
        return names


def _field_path(ref: Rex, path: tuple[str, ...], pos: Pos) -> Rex:
    for name in path:
        t = ref.type
        if t.root != "ROW":
            raise ValidationError(f"Column '{name}' not found: {t} has no fields", pos=pos)
        match = [f for f in t.fields if f.name == name]
        if not match:
            raise ValidationError(
                f"Field '{name}' not found in {t}",
                pos=pos,
                hint=did_you_mean(name, [f.name for f in t.fields]),
            )
        ftype = match[0].type.with_nullable(match[0].type.nullable or t.nullable)
        ref = FieldAccessRex(ftype, ref, name)
    return ref


def _correlate(found: Rex, depth: int, scope: Scope) -> Rex:
    base = found
    path: list[str] = []
    while isinstance(base, FieldAccessRex):
        path.insert(0, base.field)
        base = base.operand
    assert isinstance(base, InputRef)
    ref: Rex = CorrelRef(base.type, depth - 1, base.index, scope.fields[base.index].name)
    return _field_path(ref, tuple(path), Pos(0, 0)) if path else ref
