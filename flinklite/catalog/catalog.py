"""The catalog manager: in-memory catalogs of databases holding tables, views and functions,
temporary objects shadowing permanent ones, name qualification and Flink's lookup errors."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from flinklite.catalog.schema import (
    Render,
    Schema,
    TypeOf,
    build_schema,
    like_strategies,
    merge_options,
    merge_partitions,
)
from flinklite.errors import NO_POS, FlinkliteError, Pos, ValidationError, did_you_mean
from flinklite.sql import ast
from flinklite.sql.unparse import quote_identifier

DEFAULT_CATALOG = "default_catalog"
DEFAULT_DATABASE = "default_database"
IN_MEMORY_CATALOG_TYPE = "generic_in_memory"
IN_MEMORY_DEFAULT_DATABASE = "default"  # what a CREATE CATALOG .. generic_in_memory starts with


@dataclass(frozen=True, slots=True, order=True)
class ObjectIdentifier:
    catalog: str
    database: str
    name: str

    def summary(self) -> str:
        """Flink's asSummaryString: default_catalog.default_database.t"""
        return f"{self.catalog}.{self.database}.{self.name}"

    def serializable(self) -> str:
        """Flink's asSerializableString: `default_catalog`.`default_database`.`t`"""
        return ".".join(
            quote_identifier(p, always=True) for p in (self.catalog, self.database, self.name)
        )

    def __str__(self) -> str:
        return self.serializable()


@dataclass(frozen=True, slots=True, eq=False)
class ResolvedTable:
    """A table: its resolved schema and options (kept in the order written)."""

    identifier: ObjectIdentifier
    schema: Schema
    options: dict[str, str]
    comment: str | None = None
    partition_keys: tuple[str, ...] = ()
    source: ast.CreateTable | None = None
    temporary: bool = False

    kind = "TABLE"


@dataclass(frozen=True, slots=True, eq=False)
class ResolvedView:
    """A view: its query, the column names as declared and the output schema the binder found.
    `expanded_query` is the fully qualified query text Flink prints in SHOW CREATE VIEW."""

    identifier: ObjectIdentifier
    query: ast.Query
    columns: tuple[str, ...]
    schema: Schema
    comment: str | None = None
    temporary: bool = False
    expanded_query: str | None = None

    kind = "VIEW"


CatalogObject = ResolvedTable | ResolvedView


@dataclass(frozen=True, slots=True)
class CatalogFunction:
    identifier: ObjectIdentifier | None  # None for temporary system functions
    name: str  # normalised to lower case, as Flink's function identifiers are
    class_name: str
    language: str = "JAVA"
    jars: tuple[str, ...] = ()
    temporary: bool = False
    system: bool = False


@dataclass(slots=True)
class Database:
    name: str
    comment: str | None = None
    properties: dict[str, str] = field(default_factory=dict)
    objects: dict[str, CatalogObject] = field(default_factory=dict)
    functions: dict[str, CatalogFunction] = field(default_factory=dict)


@dataclass(slots=True)
class InMemoryCatalog:
    name: str
    options: dict[str, str] = field(default_factory=dict)
    comment: str | None = None
    databases: dict[str, Database] = field(default_factory=dict)
    default_database: str = IN_MEMORY_DEFAULT_DATABASE


def _err(message: str, pos: Pos | None, hint: str | None = None) -> ValidationError:
    return ValidationError(message, pos=pos, hint=hint)


class Catalog:
    """The catalog manager of a session (Flink's CatalogManager plus FunctionCatalog's user part)."""

    def __init__(self) -> None:
        self.catalogs: dict[str, InMemoryCatalog] = {}
        self.temporary: dict[ObjectIdentifier, CatalogObject] = {}
        self.temporary_functions: dict[ObjectIdentifier, CatalogFunction] = {}
        self.system_functions: dict[str, CatalogFunction] = {}
        builtin = InMemoryCatalog(
            DEFAULT_CATALOG,
            {"type": IN_MEMORY_CATALOG_TYPE},
            default_database=DEFAULT_DATABASE,
        )
        builtin.databases[DEFAULT_DATABASE] = Database(DEFAULT_DATABASE)
        self.catalogs[DEFAULT_CATALOG] = builtin
        self.current_catalog = DEFAULT_CATALOG
        self.current_database = DEFAULT_DATABASE

    # --- names ---------------------------------------------------------------------------------

    def qualify(self, name: ast.Name, pos: Pos = NO_POS) -> ObjectIdentifier:
        """A fully qualified identifier: 1 part gets the current catalog and database, 2 parts the
        current catalog."""
        if len(name) == 1:
            return ObjectIdentifier(self.current_catalog, self.current_database, name[0])
        if len(name) == 2:
            return ObjectIdentifier(self.current_catalog, name[0], name[1])
        if len(name) == 3:
            return ObjectIdentifier(*name)
        raise _err(
            "Object identifier can have at most 3 parts: catalog, database and object name, "
            f"but was: {'.'.join(name)}",
            pos,
        )

    # --- catalogs ------------------------------------------------------------------------------

    def list_catalogs(self) -> list[str]:
        return sorted(self.catalogs)

    def create_catalog(
        self,
        name: str,
        options: dict[str, str],
        *,
        comment: str | None = None,
        if_not_exists: bool = False,
        pos: Pos = NO_POS,
    ) -> None:
        if name in self.catalogs:
            if if_not_exists:
                return
            raise _err(f"Catalog {name} already exists.", pos)
        catalog_type = options.get("type")
        if catalog_type is None:
            raise _err(
                "Catalog options do not contain an option key 'type' for discovering a catalog.",
                pos,
            )
        if catalog_type != IN_MEMORY_CATALOG_TYPE:
            raise _err(
                f"Could not find any factory for identifier '{catalog_type}' that implements "
                "'org.apache.flink.table.factories.CatalogFactory' in the classpath.\n\n"
                f"Available factory identifiers are:\n\n{IN_MEMORY_CATALOG_TYPE}",
                pos,
                hint=did_you_mean(catalog_type, [IN_MEMORY_CATALOG_TYPE]),
            )
        unsupported = sorted(k for k in options if k not in ("type", "default-database"))
        if unsupported:
            raise _err(
                f"Unsupported options found for '{IN_MEMORY_CATALOG_TYPE}'.\n\n"
                f"Unsupported options:\n\n{chr(10).join(unsupported)}\n\n"
                "Supported options:\n\ndefault-database\ntype",
                pos,
            )
        default_db = options.get("default-database", IN_MEMORY_DEFAULT_DATABASE)
        catalog = InMemoryCatalog(name, dict(options), comment, default_database=default_db)
        catalog.databases[default_db] = Database(default_db)
        self.catalogs[name] = catalog

    def drop_catalog(self, name: str, *, if_exists: bool = False, pos: Pos = NO_POS) -> None:
        if name not in self.catalogs:
            if if_exists:
                return
            raise _err(f"Catalog {name} does not exist.", pos)
        if name == self.current_catalog:
            raise _err("Cannot drop a catalog which is currently in use.", pos)
        del self.catalogs[name]
        for ident in [i for i in self.temporary if i.catalog == name]:
            del self.temporary[ident]

    def use_catalog(self, name: str, pos: Pos = NO_POS) -> None:
        catalog = self.catalogs.get(name)
        if catalog is None:
            raise _err(
                f"A catalog with name [{name}] does not exist.",
                pos,
                hint=did_you_mean(name, list(self.catalogs)),
            )
        self.current_catalog = name
        self.current_database = catalog.default_database

    def get_catalog(self, name: str, pos: Pos = NO_POS) -> InMemoryCatalog:
        catalog = self.catalogs.get(name)
        if catalog is None:
            raise _err(
                f"Catalog {name} does not exist",
                pos,
                hint=did_you_mean(name, list(self.catalogs)),
            )
        return catalog

    # --- databases -----------------------------------------------------------------------------

    def list_databases(self, catalog: str | None = None, pos: Pos = NO_POS) -> list[str]:
        return sorted(self.get_catalog(catalog or self.current_catalog, pos).databases)

    def create_database(
        self,
        name: ast.Name,
        *,
        comment: str | None = None,
        properties: dict[str, str] | None = None,
        if_not_exists: bool = False,
        pos: Pos = NO_POS,
    ) -> None:
        catalog_name, db = (name[0], name[1]) if len(name) == 2 else (self.current_catalog, name[0])
        catalog = self.get_catalog(catalog_name, pos)
        if db in catalog.databases:
            if if_not_exists:
                return
            raise _err(f"Database {db} already exists in Catalog {catalog_name}.", pos)
        catalog.databases[db] = Database(db, comment, dict(properties or {}))

    def drop_database(
        self,
        name: ast.Name,
        *,
        if_exists: bool = False,
        cascade: bool = False,
        pos: Pos = NO_POS,
    ) -> None:
        catalog_name, db = (name[0], name[1]) if len(name) == 2 else (self.current_catalog, name[0])
        catalog = self.get_catalog(catalog_name, pos)
        database = catalog.databases.get(db)
        if database is None:
            if if_exists:
                return
            raise _err(f"Database {db} does not exist in Catalog {catalog_name}.", pos)
        if catalog_name == self.current_catalog and db == self.current_database:
            raise _err("Cannot drop a database which is currently in use.", pos)
        if (database.objects or database.functions) and not cascade:
            raise _err(f"Database {db} in catalog {catalog_name} is not empty.", pos)
        del catalog.databases[db]

    def use_database(self, name: ast.Name, pos: Pos = NO_POS) -> None:
        catalog_name, db = (name[0], name[1]) if len(name) == 2 else (self.current_catalog, name[0])
        catalog = self.catalogs.get(catalog_name)
        if catalog is None:
            raise _err(f"A catalog with name [{catalog_name}] does not exist.", pos)
        if db not in catalog.databases:
            raise _err(
                f"A database with name [{db}] does not exist in the catalog: [{catalog_name}].",
                pos,
                hint=did_you_mean(db, list(catalog.databases)),
            )
        self.current_catalog = catalog_name
        self.current_database = db

    def _database(self, ident: ObjectIdentifier) -> Database | None:
        catalog = self.catalogs.get(ident.catalog)
        return catalog.databases.get(ident.database) if catalog else None

    # --- tables and views: lookup --------------------------------------------------------------

    def get(self, ident: ObjectIdentifier) -> CatalogObject | None:
        """The table or view a name refers to; a temporary object shadows a permanent one."""
        obj = self.temporary.get(ident)
        if obj is not None:
            return obj
        db = self._database(ident)
        return db.objects.get(ident.name) if db else None

    def names_near(self, ident: ObjectIdentifier) -> list[str]:
        """Tables and views in the identifier's database, for did-you-mean hints."""
        db = self._database(ident)
        names = set(db.objects) if db else set()
        names |= {
            i.name
            for i in self.temporary
            if (i.catalog, i.database) == (ident.catalog, ident.database)
        }
        return sorted(names)

    def resolve(self, name: ast.Name, pos: Pos = NO_POS) -> CatalogObject:
        """A table or view named in a query; a missing one fails as Calcite reports it."""
        ident = self.qualify(name, pos)
        obj = self.get(ident)
        if obj is not None:
            return obj
        hint = did_you_mean(ident.name, self.names_near(ident))
        if len(name) > 1 and self._database(ident) is not None:
            within = ".".join(name[:-1])
            raise _err(f"Object '{name[-1]}' not found within '{within}'", pos, hint)
        if len(name) > 1 and ident.catalog not in self.catalogs and len(name) == 3:
            raise _err(f"Object '{name[0]}' not found", pos, hint)
        if len(name) > 1:
            raise _err(f"Object '{name[-2]}' not found", pos, hint)
        raise _err(f"Object '{name[-1]}' not found", pos, hint)

    def describe_target(self, name: ast.Name, pos: Pos = NO_POS) -> CatalogObject:
        """The table or view of DESCRIBE / SHOW COLUMNS."""
        ident = self.qualify(name, pos)
        obj = self.get(ident)
        if obj is None:
            raise _err(
                f"Tables or views with the identifier '{ident.summary()}' doesn't exist.",
                pos,
                did_you_mean(ident.name, self.names_near(ident)),
            )
        return obj

    def show_create_target(self, name: ast.Name, kind: str, pos: Pos = NO_POS) -> CatalogObject:
        """The object of SHOW CREATE TABLE / VIEW; the kind must match, as in Flink."""
        ident = self.qualify(name, pos)
        obj = self.get(ident)
        noun = "Table" if kind == "TABLE" else "View"
        if obj is None:
            raise _err(
                f"Could not execute SHOW CREATE {kind}. {noun} with identifier "
                f"{ident.serializable()} does not exist.",
                pos,
                did_you_mean(ident.name, self.names_near(ident)),
            )
        if obj.kind != kind:
            use = f"SHOW CREATE {obj.kind}"
            raise FlinkliteError(
                f"SHOW CREATE {kind} is only supported for {kind.lower()}s, but "
                f"{ident.serializable()} is a {obj.kind.lower()}. Please use {use} instead.",
                pos=pos,
            )
        return obj

    def list_tables(self) -> list[str]:
        """SHOW TABLES: tables and views of the current database, temporary ones included."""
        return self._list(None)

    def list_views(self) -> list[str]:
        return self._list("VIEW")

    def _list(self, kind: str | None) -> list[str]:
        ident = ObjectIdentifier(self.current_catalog, self.current_database, "")
        db = self._database(ident)
        objs: dict[str, CatalogObject] = dict(db.objects) if db else {}
        for i, obj in self.temporary.items():
            if (i.catalog, i.database) == (ident.catalog, ident.database):
                objs[i.name] = obj
        return sorted(n for n, o in objs.items() if kind is None or o.kind == kind)

    # --- tables and views: DDL -----------------------------------------------------------------

    def create_table(
        self, table: CatalogObject, *, ignore_if_exists: bool = False, pos: Pos = NO_POS
    ) -> None:
        """Registers a table or view (Flink treats both alike here)."""
        ident = table.identifier
        if table.temporary:
            if ident in self.temporary:
                if ignore_if_exists:
                    return
                raise _err(f"Temporary table '{ident.serializable()}' already exists", pos)
            self._require_catalog(ident, "CreateTable", pos)
            self.temporary[ident] = table
            return
        db = self._require_database(ident, "CreateTable", pos)
        if ident.name in db.objects:
            if ignore_if_exists:
                return
            raise _err(
                f"Table (or view) {ident.database}.{ident.name} already exists in Catalog "
                f"{ident.catalog}.",
                pos,
            )
        db.objects[ident.name] = table

    def create_view(
        self,
        identifier: ObjectIdentifier,
        query: ast.Query,
        columns: tuple[str, ...],
        schema: Schema,
        *,
        comment: str | None = None,
        temporary: bool = False,
        expanded_query: str | None = None,
        ignore_if_exists: bool = False,
        pos: Pos = NO_POS,
    ) -> ResolvedView:
        view = ResolvedView(identifier, query, columns, schema, comment, temporary, expanded_query)
        self.create_table(view, ignore_if_exists=ignore_if_exists, pos=pos)
        return view

    def drop_table(
        self,
        ident: ObjectIdentifier,
        *,
        if_exists: bool = False,
        temporary: bool = False,
        view: bool = False,
        pos: Pos = NO_POS,
    ) -> None:
        """DROP [TEMPORARY] TABLE / VIEW with Flink's checks and messages."""
        kind = "VIEW" if view else "TABLE"
        noun = "view" if view else "table"
        if temporary:
            obj = self.temporary.get(ident)
            if obj is not None and obj.kind == kind:
                del self.temporary[ident]
            elif not if_exists:
                raise _err(
                    f"Temporary table or view with identifier '{ident.summary()}' does not exist.",
                    pos,
                )
            return
        shadow = self.temporary.get(ident)
        if shadow is not None and shadow.kind == kind:
            raise _err(
                f"Temporary {noun} with identifier '{ident.serializable()}' exists. "
                f"Drop it first before removing the permanent {noun}.",
                pos,
            )
        db = self._database(ident)
        obj = db.objects.get(ident.name) if db else None
        if db is not None and obj is not None and obj.kind == kind:
            del db.objects[ident.name]
        elif not if_exists:
            raise _err(
                f"{noun.capitalize()} with identifier '{ident.summary()}' does not exist.",
                pos,
                did_you_mean(ident.name, self.names_near(ident)),
            )

    def alter_target(self, ident: ObjectIdentifier, pos: Pos) -> ResolvedTable:
        """ALTER TABLE works on permanent tables only."""
        db = self._database(ident)
        obj = db.objects.get(ident.name) if db else None
        if obj is None:
            raise _err(
                f"Table {ident.serializable()} doesn't exist or is a temporary table.",
                pos,
                did_you_mean(ident.name, self.names_near(ident)),
            )
        if not isinstance(obj, ResolvedTable):
            raise _err("ALTER TABLE for a view is not allowed", pos)
        return obj

    def rename_table(
        self,
        ident: ObjectIdentifier,
        new_name: ast.Name,
        *,
        if_exists: bool = False,
        pos: Pos = NO_POS,
    ) -> None:
        if if_exists and (self._database(ident) is None or ident.name not in self._db(ident)):
            return
        table = self.alter_target(ident, pos)
        target = self.qualify(new_name, pos)
        db = self._db(ident)
        if target.name in db:
            raise _err(
                f"Table (or view) {ident.database}.{target.name} already exists in Catalog "
                f"{ident.catalog}.",
                pos,
            )
        new_ident = ObjectIdentifier(ident.catalog, ident.database, target.name)
        del db[ident.name]
        db[target.name] = replace(table, identifier=new_ident)

    def _db(self, ident: ObjectIdentifier) -> dict[str, CatalogObject]:
        db = self._database(ident)
        return db.objects if db else {}

    def set_options(
        self,
        ident: ObjectIdentifier,
        options: dict[str, str],
        *,
        if_exists: bool = False,
        pos: Pos = NO_POS,
    ) -> ResolvedTable | None:
        """ALTER TABLE SET: Flink stores the options and validates them when the table is used."""
        if if_exists and ident.name not in self._db(ident):
            return None
        table = self.alter_target(ident, pos)
        new = replace(table, options={**table.options, **options})
        self._db(ident)[ident.name] = new
        return new

    def reset_options(
        self,
        ident: ObjectIdentifier,
        keys: tuple[str, ...],
        *,
        if_exists: bool = False,
        pos: Pos = NO_POS,
    ) -> ResolvedTable | None:
        if if_exists and ident.name not in self._db(ident):
            return None
        table = self.alter_target(ident, pos)
        if not keys:
            raise _err("ALTER TABLE RESET does not support empty key", pos)
        if "connector" in keys:
            raise _err("ALTER TABLE RESET does not support changing 'connector'", pos)
        new = replace(table, options={k: v for k, v in table.options.items() if k not in keys})
        self._db(ident)[ident.name] = new
        return new

    def replace_table(self, table: CatalogObject) -> None:
        """Stores a changed table or view under its identifier (e.g. after the binder re-resolved
        it); the object must exist."""
        if table.temporary:
            self.temporary[table.identifier] = table
        else:
            self._db(table.identifier)[table.identifier.name] = table

    def _require_catalog(self, ident: ObjectIdentifier, command: str, pos: Pos) -> None:
        if ident.catalog not in self.catalogs:
            raise _err(
                f"Could not execute {command} in path {ident.serializable()}",
                pos,
                hint=did_you_mean(ident.catalog, list(self.catalogs)),
            )

    def _require_database(self, ident: ObjectIdentifier, command: str, pos: Pos) -> Database:
        self._require_catalog(ident, command, pos)
        db = self._database(ident)
        if db is None:
            raise _err(f"Database {ident.database} does not exist in Catalog {ident.catalog}.", pos)
        return db

    # --- functions -----------------------------------------------------------------------------

    def create_function(
        self,
        name: ast.Name,
        class_name: str,
        *,
        language: str | None = None,
        jars: tuple[str, ...] = (),
        temporary: bool = False,
        system: bool = False,
        if_not_exists: bool = False,
        pos: Pos = NO_POS,
    ) -> CatalogFunction:
        lang = language or "JAVA"
        if system:
            fname = name[-1].lower()
            func = CatalogFunction(None, fname, class_name, lang, jars, True, True)
            if fname in self.system_functions:
                if if_not_exists:
                    return self.system_functions[fname]
                raise _err(
                    "Could not register temporary system function. A function named "
                    f"'{fname}' does already exist.",
                    pos,
                )
            self.system_functions[fname] = func
            return func
        ident = self._function_identifier(name, pos)
        func = CatalogFunction(ident, ident.name, class_name, lang, jars, temporary, False)
        if temporary:
            if ident in self.temporary_functions:
                if if_not_exists:
                    return self.temporary_functions[ident]
                raise _err(
                    f"Temporary catalog function {ident.serializable()} is already defined", pos
                )
            self._require_catalog(ident, "CreateFunction", pos)
            self.temporary_functions[ident] = func
            return func
        db = self._require_database(ident, "CreateFunction", pos)
        if ident.name in db.functions:
            if if_not_exists:
                return db.functions[ident.name]
            raise _err(
                f"Function {ident.database}.{ident.name} already exists in Catalog "
                f"{ident.catalog}.",
                pos,
            )
        db.functions[ident.name] = func
        return func

    def drop_function(
        self,
        name: ast.Name,
        *,
        temporary: bool = False,
        system: bool = False,
        if_exists: bool = False,
        pos: Pos = NO_POS,
    ) -> None:
        if system:
            fname = name[-1].lower()
            if self.system_functions.pop(fname, None) is None and not if_exists:
                raise _err(
                    "Could not drop temporary system function. A function named "
                    f"'{fname}' doesn't exist.",
                    pos,
                )
            return
        ident = self._function_identifier(name, pos)
        if temporary:
            if self.temporary_functions.pop(ident, None) is None and not if_exists:
                raise _err(f"Temporary catalog function {ident.serializable()} doesn't exist", pos)
            return
        if ident in self.temporary_functions:
            raise _err(
                f"Could not drop catalog function. A temporary function "
                f"'{ident.serializable()}' does already exist. Please drop the temporary "
                "function first.",
                pos,
            )
        db = self._database(ident)
        if db is None or db.functions.pop(ident.name, None) is None:
            if not if_exists:
                raise _err(
                    f"Function {ident.database}.{ident.name} does not exist in Catalog "
                    f"{ident.catalog}.",
                    pos,
                )

    def _function_identifier(self, name: ast.Name, pos: Pos) -> ObjectIdentifier:
        ident = self.qualify(name, pos)
        return replace(ident, name=ident.name.lower())

    def lookup_function(self, name: ast.Name) -> CatalogFunction | None:
        """A user function by (possibly qualified) name, in Flink's resolution order: temporary
        system, then temporary catalog, then permanent catalog functions."""
        if len(name) == 1 and name[0].lower() in self.system_functions:
            return self.system_functions[name[0].lower()]
        try:
            ident = self._function_identifier(name, NO_POS)
        except ValidationError:
            return None
        found = self.temporary_functions.get(ident)
        if found is not None:
            return found
        db = self._database(ident)
        return db.functions.get(ident.name) if db else None

    def list_functions(self) -> list[str]:
        """User-defined functions visible from the current database (SHOW USER FUNCTIONS)."""
        names = set(self.system_functions)
        here = (self.current_catalog, self.current_database)
        names |= {i.name for i in self.temporary_functions if (i.catalog, i.database) == here}
        db = self._database(ObjectIdentifier(*here, ""))
        if db is not None:
            names |= set(db.functions)
        return sorted(names)


# ---------------------------------------------------------------------------------------------


def resolve_create_table(
    catalog: Catalog,
    stmt: ast.CreateTable,
    *,
    type_of: TypeOf,
    render: Render | None = None,
) -> ResolvedTable:
    """A CREATE TABLE statement resolved into a table: LIKE source looked up and merged, schema
    built and validated, options and partitions merged. Nothing is registered."""
    ident = catalog.qualify(stmt.name, stmt.pos)
    like_source: ResolvedTable | None = None
    if stmt.like is not None:
        source_ident = catalog.qualify(stmt.like.source, stmt.like.pos)
        src = catalog.get(source_ident)
        if src is None:
            raise _err(
                f"Source table '{source_ident.serializable()}' of the LIKE clause not found in "
                "the catalog",
                stmt.like.pos,
                did_you_mean(source_ident.name, catalog.names_near(source_ident)),
            )
        if not isinstance(src, ResolvedTable):
            raise _err(
                f"Source table '{catalog.qualify(stmt.like.source).serializable()}' of the LIKE "
                "clause can not be a VIEW",
                stmt.like.pos,
            )
        like_source = src
    schema = build_schema(stmt, type_of=type_of, like_source=like_source, render=render)
    strategies = like_strategies(stmt.like)
    options = merge_options(stmt, like_source, strategies)
    partitions = merge_partitions(stmt, like_source, strategies)
    for key in partitions:
        if schema.column(key) is None:
            raise _err(
                f"Partition column '{key}' not defined in the table schema. Available columns: "
                f"[{', '.join(repr(n) for n in schema.names)}]",
                stmt.pos,
            )
    comment = stmt.comment if stmt.comment is not None else None
    return ResolvedTable(ident, schema, options, comment, partitions, stmt, stmt.temporary)


def options_of(props: tuple[ast.Property, ...]) -> dict[str, Any]:
    """WITH (...) properties as a dict in the order written (a later duplicate wins)."""
    return {p.key: p.value for p in props}
