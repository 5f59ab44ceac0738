"""A table's resolved schema, Flink's model: physical, computed and metadata columns, a watermark
and a primary key, built from CREATE TABLE (with LIKE merging) and validated as Flink does."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Protocol

from flinklite.catalog import types as T
from flinklite.catalog.types import DataType
from flinklite.errors import NO_POS, Pos, ValidationError, did_you_mean
from flinklite.sql import ast
from flinklite.sql.unparse import quote_identifier, quote_string


class LikeSource(Protocol):
    """What `CREATE TABLE .. LIKE` takes from the source table (a catalog's ResolvedTable)."""

    @property
    def schema(self) -> Schema: ...

    @property
    def options(self) -> dict[str, str]: ...

    @property
    def partition_keys(self) -> tuple[str, ...]: ...


# The binder's expression typer: an expression and the columns it may see -> its type.
TypeOf = Callable[[ast.Expr, list[tuple[str, DataType]]], DataType]
# Renders an expression as Flink SQL text (SHOW CREATE TABLE, DESCRIBE extras).
Render = Callable[[ast.Expr], str]


def _pos_field() -> Pos:
    return field(default=NO_POS, compare=False, repr=False, kw_only=True)


# ---------------------------------------------------------------------------------------------
# Columns, watermark, primary key


@dataclass(frozen=True, slots=True)
class PhysicalColumn:
    name: str
    type: DataType
    comment: str | None = None
    pos: Pos = _pos_field()

    is_physical = True
    is_persisted = True

    def explain_extras(self) -> str | None:
        return None


@dataclass(frozen=True, slots=True)
class ComputedColumn:
    """`name AS expr`; `sql` is the expression as Flink prints it (SHOW CREATE TABLE, DESCRIBE)."""

    name: str
    type: DataType
    expr: ast.Expr
    sql: str
    comment: str | None = None
    pos: Pos = _pos_field()

    is_physical = False
    is_persisted = False

    def explain_extras(self) -> str | None:
        return f"AS {self.sql}"


@dataclass(frozen=True, slots=True)
class MetadataColumn:
    """`name type METADATA [FROM 'key'] [VIRTUAL]`; the key defaults to the column name."""

    name: str
    type: DataType
    key: str | None = None
    virtual: bool = False
    comment: str | None = None
    pos: Pos = _pos_field()

    is_physical = False

    @property
    def is_persisted(self) -> bool:
        return not self.virtual

    @property
    def metadata_key(self) -> str:
        return self.key if self.key is not None else self.name

    def explain_extras(self) -> str | None:
        text = "METADATA"
        if self.key is not None:
            text += f" FROM {quote_string(self.key)}"
        if self.virtual:
            text += " VIRTUAL"
        return text


Column = PhysicalColumn | ComputedColumn | MetadataColumn


@dataclass(frozen=True, slots=True)
class WatermarkSpec:
    rowtime: str
    expr: ast.Expr
    type: DataType
    sql: str
    pos: Pos = _pos_field()


@dataclass(frozen=True, slots=True)
class UniqueConstraint:
    """A primary key; Flink supports only NOT ENFORCED ones."""

    name: str
    columns: tuple[str, ...]

    def summary(self) -> str:
        cols = ", ".join(quote_identifier(c, always=True) for c in self.columns)
        return f"CONSTRAINT {quote_identifier(self.name, always=True)} PRIMARY KEY ({cols}) NOT ENFORCED"


@dataclass(frozen=True, slots=True)
class Schema:
    columns: tuple[Column, ...]
    watermark: WatermarkSpec | None = None
    primary_key: UniqueConstraint | None = None

    # --- derived views -------------------------------------------------------------------------

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def types(self) -> tuple[DataType, ...]:
        return tuple(c.type for c in self.columns)

    @property
    def physical_columns(self) -> tuple[PhysicalColumn, ...]:
        return tuple(c for c in self.columns if isinstance(c, PhysicalColumn))

    @property
    def metadata_columns(self) -> tuple[MetadataColumn, ...]:
        return tuple(c for c in self.columns if isinstance(c, MetadataColumn))

    @property
    def computed_columns(self) -> tuple[ComputedColumn, ...]:
        return tuple(c for c in self.columns if isinstance(c, ComputedColumn))

    @property
    def persisted_columns(self) -> tuple[Column, ...]:
        """What a sink writes: physical columns and non-virtual metadata columns, in order."""
        return tuple(c for c in self.columns if c.is_persisted)

    @property
    def rowtime_column(self) -> Column | None:
        if self.watermark is None:
            return None
        return self.column(self.watermark.rowtime)

    @property
    def primary_key_indexes(self) -> tuple[int, ...]:
        if self.primary_key is None:
            return ()
        return tuple(self.index_of(c) for c in self.primary_key.columns)

    def column(self, name: str) -> Column | None:
        for c in self.columns:
            if c.name == name:
                return c
        return None

    def index_of(self, name: str) -> int:
        for i, c in enumerate(self.columns):
            if c.name == name:
                return i
        raise KeyError(name)

    def fields(self) -> list[tuple[str, DataType]]:
        return [(c.name, c.type) for c in self.columns]


# ---------------------------------------------------------------------------------------------
# CREATE TABLE ... LIKE merging strategies

FEATURES = ("CONSTRAINTS", "GENERATED", "METADATA", "OPTIONS", "PARTITIONS", "WATERMARKS")
# Flink's defaults when a feature is not mentioned: everything is included, options overwrite.
_DEFAULT_STRATEGIES = {f: "INCLUDING" for f in FEATURES} | {"OPTIONS": "OVERWRITING"}
# Combinations Flink's parser rejects (SqlTableLike.validate).
_INVALID = {("ALL", "OVERWRITING"), ("CONSTRAINTS", "OVERWRITING"), ("PARTITIONS", "OVERWRITING")}


def like_strategies(like: ast.LikeClause | None) -> dict[str, str]:
    """The merging strategy per LIKE feature: defaults, then ALL, then the specific options."""
    result = dict(_DEFAULT_STRATEGIES)
    if like is None:
        return result
    seen: set[str] = set()
    for opt in like.options:
        if opt.feature in seen:
            raise ValidationError(
                "Each like option feature can be declared only once.", pos=opt.pos
            )
        seen.add(opt.feature)
        if (opt.feature, opt.mode) in _INVALID:
            raise ValidationError(
                f"Illegal merging strategy '{opt.mode}' for '{opt.feature}' option.", pos=opt.pos
            )
    for opt in like.options:
        if opt.feature == "ALL":
            result = {f: opt.mode for f in FEATURES}
    for opt in like.options:
        if opt.feature != "ALL":
            result[opt.feature] = opt.mode
    return result


def merge_options(
    stmt: ast.CreateTable, like_source: LikeSource | None, strategies: dict[str, str]
) -> dict[str, str]:
    """The table options after LIKE merging, in insertion order (source first)."""
    strategy = strategies["OPTIONS"]
    options: dict[str, str] = {}
    if like_source is not None and strategy != "EXCLUDING":
        options.update(like_source.options)
    for prop in stmt.options:
        if strategy != "OVERWRITING" and prop.key in options:
            raise ValidationError(
                f"There already exists an option ['{prop.key}' -> '{options[prop.key]}']  in the "
                "base table. You might want to specify EXCLUDING OPTIONS or OVERWRITING OPTIONS.",
                pos=prop.pos,
            )
        options[prop.key] = prop.value
    return options


def merge_partitions(
    stmt: ast.CreateTable, like_source: LikeSource | None, strategies: dict[str, str]
) -> tuple[str, ...]:
    source = like_source.partition_keys if like_source is not None else ()
    if stmt.partitioned_by and source and strategies["PARTITIONS"] != "EXCLUDING":
        raise ValidationError(
            "The base table already has partitions defined. You might want to specify "
            "EXCLUDING PARTITIONS.",
            pos=stmt.like.pos if stmt.like else stmt.pos,
        )
    return tuple(stmt.partitioned_by) or tuple(source)


# ---------------------------------------------------------------------------------------------
# Building a schema from CREATE TABLE


def _default_render(expr: ast.Expr) -> str:
    from flinklite.sql.unparse import unparse

    return unparse(expr, quote_all=True)


def build_schema(
    stmt: ast.CreateTable,
    *,
    type_of: TypeOf,
    like_source: LikeSource | None = None,
    render: Render | None = None,
) -> Schema:
    """The resolved schema of a CREATE TABLE, merged with its LIKE source, validated as Flink does.

    Every error is a ValidationError carrying the position of the offending AST node."""
    return _SchemaBuilder(stmt, type_of, render or _default_render).build(like_source)


class _SchemaBuilder:
    def __init__(self, stmt: ast.CreateTable, type_of: TypeOf, render: Render) -> None:
        self.stmt = stmt
        self.type_of = type_of
        self.render = render
        self.strategies = like_strategies(stmt.like)
        self.columns: dict[str, Column] = {}  # insertion order is column order
        self.watermarks: dict[str, WatermarkSpec] = {}
        self.primary_key: UniqueConstraint | None = None
        self.source_names: list[str] = []

    def build(self, like_source: LikeSource | None) -> Schema:
        pk = self._validate_constraints()
        self._check_duplicates()
        if like_source is not None:
            self._populate_from_source(like_source.schema)
        pk_columns = set(pk.columns) if pk else set()
        self._append_columns(pk_columns)
        self._append_watermarks()
        if pk is not None:
            self._append_primary_key(pk)
        return self._finish()

    # --- parser-level checks (Flink's SqlCreateTable.validate) ---------------------------------

    def _validate_constraints(self) -> ast.PrimaryKey | None:
        """Column-level and table-level primary keys; Flink allows one and only NOT ENFORCED."""
        keys: list[ast.PrimaryKey] = [
            ast.PrimaryKey((c.name,), pos=c.pos)
            for c in self.stmt.columns
            if isinstance(c, ast.PhysicalColumn) and c.primary_key
        ]
        if self.stmt.primary_key is not None:
            keys.append(self.stmt.primary_key)
        if len(keys) > 1:
            raise ValidationError("Duplicate primary key definition", pos=keys[1].pos)
        if not keys:
            return None
        if keys[0].enforced:
            raise ValidationError(
                "Flink doesn't support ENFORCED mode for PRIMARY KEY constraint. ENFORCED/NOT "
                "ENFORCED controls if the constraint checks are performed on the incoming/outgoing "
                "data. Flink does not own the data therefore the only supported mode is the NOT "
                "ENFORCED mode",
                pos=keys[0].pos,
            )
        return keys[0]

    def _check_duplicates(self) -> None:
        seen: set[str] = set()
        for col in self.stmt.columns:
            if col.name in seen:
                raise ValidationError(
                    f"A {_kind_word(col)} Column named '{col.name}' already exists in the table.",
                    pos=col.pos,
                )
            seen.add(col.name)

    # --- LIKE source ---------------------------------------------------------------------------

    def _populate_from_source(self, source: Schema) -> None:
        s = self.strategies
        for col in source.columns:
            if isinstance(col, ComputedColumn) and s["GENERATED"] == "EXCLUDING":
                continue
            if isinstance(col, MetadataColumn) and s["METADATA"] == "EXCLUDING":
                continue
            # Rowtime marks are re-derived from the merged watermarks.
            self.columns[col.name] = replace(col, type=col.type.without_time_attribute())
            self.source_names.append(col.name)
        if source.watermark is not None and s["WATERMARKS"] != "EXCLUDING":
            self.watermarks[source.watermark.rowtime] = source.watermark
        if source.primary_key is not None and s["CONSTRAINTS"] == "INCLUDING":
            self.primary_key = source.primary_key

    # --- derived columns -----------------------------------------------------------------------

    def _append_columns(self, pk_columns: set[str]) -> None:
        for col in self.stmt.columns:
            if isinstance(col, ast.PhysicalColumn):
                self._check_overwrite(col, PhysicalColumn, None)
                assert col.type is not None
                t = T.from_spec(col.type)
                if col.name in pk_columns:
                    t = t.not_null()  # Flink rewrites primary key columns to NOT NULL
                self.columns[col.name] = PhysicalColumn(col.name, t, col.comment, pos=col.pos)
        for col in self.stmt.columns:
            if isinstance(col, ast.MetadataColumn):
                self._check_overwrite(col, MetadataColumn, "METADATA")
                assert col.type is not None
                self.columns[col.name] = MetadataColumn(
                    col.name, T.from_spec(col.type), col.key, col.virtual, col.comment, pos=col.pos
                )
        # Computed columns see physical and metadata columns only, as in Flink.
        visible = [
            (c.name, c.type) for c in self.columns.values() if not isinstance(c, ComputedColumn)
        ]
        for col in self.stmt.columns:
            if isinstance(col, ast.ComputedColumn):
                self._check_overwrite(col, ComputedColumn, "GENERATED")
                assert col.expr is not None
                t = self.type_of(col.expr, list(visible))
                self.columns[col.name] = ComputedColumn(
                    col.name, t, col.expr, self.render(col.expr), col.comment, pos=col.pos
                )
        # Source columns keep their places (overwritten ones too); new ones follow as declared.
        order = list(self.source_names)
        order += [c.name for c in self.stmt.columns if c.name not in self.source_names]
        self.columns = {n: self.columns[n] for n in order}

    def _check_overwrite(self, col: ast.Column, kind: type, feature: str | None) -> None:
        existing = self.columns.get(col.name)
        if existing is None:
            return
        if feature is None:
            raise ValidationError(
                f"A column named '{col.name}' already exists in the base table.", pos=col.pos
            )
        label = "Computed" if feature == "GENERATED" else "Metadata"
        if not isinstance(existing, kind):
            raise ValidationError(
                f"A column named '{col.name}' already exists in the base table. "
                f"{label} columns can only overwrite other {label.lower()} columns.",
                pos=col.pos,
            )
        if self.strategies[feature] != "OVERWRITING":
            noun = "generated" if feature == "GENERATED" else "metadata"
            raise ValidationError(
                f"A {noun} column named '{col.name}' already exists in the base table. You "
                f"might want to specify EXCLUDING {feature} or OVERWRITING {feature}.",
                pos=col.pos,
            )

    # --- watermarks ----------------------------------------------------------------------------

    def _append_watermarks(self) -> None:
        for wm in self.stmt.watermarks:
            name = ".".join(wm.column)
            if name in self.watermarks and self.strategies["WATERMARKS"] != "OVERWRITING":
                raise ValidationError(
                    f"There already exists a watermark spec for column '{name}' in the base "
                    "table. You might want to specify EXCLUDING WATERMARKS or OVERWRITING "
                    "WATERMARKS.",
                    pos=wm.pos,
                )
            if len(wm.column) > 1:
                raise ValidationError(
                    f"A nested field '{name}' cannot be declared as rowtime attribute for table "
                    f"'{'.'.join(self.stmt.name)}' right now.",
                    pos=wm.pos,
                )
            col = self.columns.get(name)
            if col is None:
                available = "', '".join(self.columns)
                raise ValidationError(
                    f"The rowtime attribute field '{name}' is not defined in the table schema, "
                    f"at {wm.pos}\nAvailable fields: ['{available}']",
                    pos=wm.pos,
                    hint=did_you_mean(name, list(self.columns)),
                )
            self._check_time_field(col, wm)
            t = self.type_of(wm.expr, [(c.name, c.type) for c in self.columns.values()])
            if not _can_be_time_attribute(t):
                raise ValidationError(
                    "Invalid data type of expression for watermark definition. The field must be "
                    "of type TIMESTAMP(p) or TIMESTAMP_LTZ(p), the supported precision 'p' is "
                    f"from 0 to 3, but the watermark expression type is {t.summary()}",
                    pos=wm.expr.pos,
                )
            if t.root != col.type.root:
                raise ValidationError(
                    f"The watermark declaration's output data type '{t.summary()}' is different "
                    f"from the time field's data type '{col.type.summary()}'.",
                    pos=wm.expr.pos,
                )
            self.watermarks[name] = WatermarkSpec(
                name, wm.expr, t.without_time_attribute(), self.render(wm.expr), pos=wm.pos
            )
        if len(self.watermarks) > 1:
            raise ValidationError(
                "Multiple watermark definitions are not supported yet.",
                pos=self.stmt.watermarks[-1].pos if self.stmt.watermarks else self.stmt.pos,
            )

    @staticmethod
    def _check_time_field(col: Column, wm: ast.WatermarkSpec) -> None:
        if col.type.is_proctime:
            raise ValidationError(
                "A watermark can not be defined for a processing-time attribute.", pos=wm.pos
            )
        if not _can_be_time_attribute(col.type):
            raise ValidationError(
                "Invalid data type of time field for watermark definition. The field must be of "
                "type TIMESTAMP(p) or TIMESTAMP_LTZ(p), the supported precision 'p' is from 0 to "
                f"3, but the time field type is {col.type.without_time_attribute().summary()}",
                pos=wm.pos,
            )

    # --- primary key ---------------------------------------------------------------------------

    def _append_primary_key(self, pk: ast.PrimaryKey) -> None:
        if self.primary_key is not None:
            raise ValidationError(
                "The base table already has a primary key. You might want to specify "
                "EXCLUDING CONSTRAINTS.",
                pos=pk.pos,
            )
        for name in pk.columns:
            col = self.columns.get(name)
            if col is None:
                raise ValidationError(
                    f"Primary key column '{name}' is not defined in the schema at {pk.pos}",
                    pos=pk.pos,
                    hint=did_you_mean(name, list(self.columns)),
                )
            if not isinstance(col, PhysicalColumn):
                raise ValidationError(
                    f"Could not create a PRIMARY KEY with column '{name}' at {pk.pos}.\n"
                    "A PRIMARY KEY constraint must be declared on physical columns.",
                    pos=pk.pos,
                )
        dups = sorted({c for c in pk.columns if pk.columns.count(c) > 1})
        name = pk.constraint_name or "PK_" + "_".join(pk.columns)
        if dups:
            raise ValidationError(
                f"Invalid primary key '{name}'. A primary key must not contain duplicate "
                f"columns. Found: [{', '.join(dups)}]",
                pos=pk.pos,
            )
        self.primary_key = UniqueConstraint(name, tuple(pk.columns))

    # --- result --------------------------------------------------------------------------------

    def _finish(self) -> Schema:
        columns = list(self.columns.values())
        pk = self.primary_key
        if pk is not None:
            # Columns inherited from a LIKE source become NOT NULL as well.
            columns = [
                replace(c, type=c.type.not_null()) if c.name in pk.columns else c for c in columns
            ]
        watermark = next(iter(self.watermarks.values()), None)
        if watermark is not None:
            columns = [
                replace(c, type=c.type.as_time_attribute("ROWTIME"))
                if c.name == watermark.rowtime
                else c
                for c in columns
            ]
        return Schema(tuple(columns), watermark, pk)


def _can_be_time_attribute(t: DataType) -> bool:
    return t.root in T.TIMESTAMPS and (t.precision or 0) <= 3


def schema_from_fields(
    fields: Iterable[tuple[str, DataType]], primary_key: UniqueConstraint | None = None
) -> Schema:
    """A schema of physical columns only, e.g. a view's output or a CREATE TABLE AS result."""
    return Schema(tuple(PhysicalColumn(n, t) for n, t in fields), None, primary_key)


def _kind_word(col: ast.Column) -> str:
    """How Flink names a column kind in messages: regular, computed or metadata."""
    if isinstance(col, ast.ComputedColumn):
        return "computed"
    if isinstance(col, ast.MetadataColumn):
        return "metadata"
    return "regular"
