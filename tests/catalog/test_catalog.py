"""The catalog manager: qualification, temporary shadowing, DDL on tables, views, databases,
catalogs and functions, and the messages Flink gives when something is missing or exists."""

from __future__ import annotations

import pytest

from flinklite.catalog import types as T
from flinklite.catalog.catalog import Catalog, ObjectIdentifier, ResolvedTable
from flinklite.catalog.schema import schema_from_fields
from flinklite.errors import FlinkliteError, Pos, ValidationError
from flinklite.sql import ast

P = Pos(1, 1)
SCHEMA = schema_from_fields([("a", T.int_())])
QUERY = ast.Query(ast.Select((ast.SelectItem(ast.Star()),), ast.TableRef(("t",))))


def ident(name: str) -> ObjectIdentifier:
    return ObjectIdentifier("default_catalog", "default_database", name)


def table(name: str, temporary: bool = False, **options: str) -> ResolvedTable:
    return ResolvedTable(
        ident(name), SCHEMA, {"connector": "datagen", **options}, temporary=temporary
    )


def message(fn, *args, **kw) -> str:
    with pytest.raises(FlinkliteError) as info:
        fn(*args, **kw)
    return info.value.message


def test_identifiers_and_qualification() -> None:
    c = Catalog()
    assert c.qualify(("t",)) == ident("t")
    assert c.qualify(("db", "t")) == ObjectIdentifier("default_catalog", "db", "t")
    assert c.qualify(("c", "db", "t")) == ObjectIdentifier("c", "db", "t")
    assert ident("t").summary() == "default_catalog.default_database.t"
    assert str(ident("t")) == "`default_catalog`.`default_database`.`t`"
    assert ObjectIdentifier("c", "d", "we`ird").serializable() == "`c`.`d`.`we``ird`"


def test_create_lookup_and_case_sensitivity() -> None:
    c = Catalog()
    c.create_table(table("Orders"))
    assert c.resolve(("Orders",)).identifier.name == "Orders"
    with pytest.raises(ValidationError) as info:
        c.resolve(("orders",), P)
    assert info.value.message == "Object 'orders' not found"
    assert info.value.hint == "did you mean 'Orders'?"
    assert c.list_tables() == ["Orders"]


def test_create_existing() -> None:
    c = Catalog()
    c.create_table(table("t"))
    assert message(c.create_table, table("t")) == (
        "Table (or view) default_database.t already exists in Catalog default_catalog."
    )
    c.create_table(table("t"), ignore_if_exists=True)
    c.create_table(table("t", temporary=True))  # a temporary table may shadow a permanent one
    assert message(c.create_table, table("t", temporary=True)) == (
        "Temporary table '`default_catalog`.`default_database`.`t`' already exists"
    )
    assert (
        message(
            c.create_table,
            ResolvedTable(ObjectIdentifier("default_catalog", "nodb", "t"), SCHEMA, {}),
        )
        == "Database nodb does not exist in Catalog default_catalog."
    )


def test_temporary_shadows_permanent() -> None:
    c = Catalog()
    c.create_table(table("t", marker="permanent"))
    c.create_table(table("t", temporary=True, marker="temporary"))
    assert c.get(ident("t")).options["marker"] == "temporary"
    assert message(c.drop_table, ident("t")) == (
        "Temporary table with identifier '`default_catalog`.`default_database`.`t`' exists. "
        "Drop it first before removing the permanent table."
    )
    c.drop_table(ident("t"), temporary=True)
    assert c.get(ident("t")).options["marker"] == "permanent"


def test_drop_messages() -> None:
    c = Catalog()
    c.create_view(ident("v"), QUERY, (), SCHEMA)
    c.create_table(table("t"))
    assert message(c.drop_table, ident("nope")) == (
        "Table with identifier 'default_catalog.default_database.nope' does not exist."
    )
    assert message(c.drop_table, ident("v")) == (
        "Table with identifier 'default_catalog.default_database.v' does not exist."
    )
    assert message(c.drop_table, ident("t"), view=True) == (
        "View with identifier 'default_catalog.default_database.t' does not exist."
    )
    assert message(c.drop_table, ident("t"), temporary=True) == (
        "Temporary table or view with identifier 'default_catalog.default_database.t' does not exist."
    )
    c.drop_table(ident("nope"), if_exists=True)
    c.drop_table(ident("v"), view=True)
    assert c.list_tables() == ["t"]


def test_views_are_listed_with_tables() -> None:
    c = Catalog()
    c.create_table(table("orders"))
    c.create_view(ident("v1"), QUERY, (), SCHEMA, temporary=True)
    c.create_view(ident("v2"), QUERY, (), SCHEMA)
    assert c.list_tables() == ["orders", "v1", "v2"]
    assert c.list_views() == ["v1", "v2"]
    assert message(c.create_view, ident("v1"), QUERY, (), SCHEMA, temporary=True) == (
        "Temporary table '`default_catalog`.`default_database`.`v1`' already exists"
    )


def test_describe_and_show_create_lookups() -> None:
    c = Catalog()
    c.create_table(table("t"))
    c.create_view(ident("v"), QUERY, (), SCHEMA)
    assert message(c.describe_target, ("nope",)) == (
        "Tables or views with the identifier 'default_catalog.default_database.nope' doesn't exist."
    )
    assert message(c.show_create_target, ("v",), "TABLE") == (
        "SHOW CREATE TABLE is only supported for tables, but "
        "`default_catalog`.`default_database`.`v` is a view. Please use SHOW CREATE VIEW instead."
    )
    assert message(c.show_create_target, ("t",), "VIEW") == (
        "SHOW CREATE VIEW is only supported for views, but "
        "`default_catalog`.`default_database`.`t` is a table. Please use SHOW CREATE TABLE instead."
    )


def test_alter_table() -> None:
    c = Catalog()
    c.create_table(table("orders", **{"scan.startup.mode": "earliest-offset"}))
    c.rename_table(ident("orders"), ("orders2",))
    assert c.list_tables() == ["orders2"]
    assert c.get(ident("orders2")).identifier == ident("orders2")
    assert message(c.rename_table, ident("non_exist"), ("x",)) == (
        "Table `default_catalog`.`default_database`.`non_exist` doesn't exist or is a temporary table."
    )
    c.rename_table(ident("non_exist"), ("x",), if_exists=True)
    c.set_options(ident("orders2"), {"connector": "kafka", "topic": "x"})
    assert c.get(ident("orders2")).options == {
        "connector": "kafka",
        "scan.startup.mode": "earliest-offset",
        "topic": "x",
    }
    c.reset_options(ident("orders2"), ("scan.startup.mode",))
    assert list(c.get(ident("orders2")).options) == ["connector", "topic"]
    assert message(c.reset_options, ident("orders2"), ()) == (
        "ALTER TABLE RESET does not support empty key"
    )
    assert message(c.reset_options, ident("orders2"), ("connector",)) == (
        "ALTER TABLE RESET does not support changing 'connector'"
    )
    c.create_table(table("tmp", temporary=True))
    assert "doesn't exist or is a temporary table" in message(c.set_options, ident("tmp"), {})


def test_catalogs_and_databases() -> None:
    c = Catalog()
    assert message(c.use_database, ("non_existing_db",)) == (
        "A database with name [non_existing_db] does not exist in the catalog: [default_catalog]."
    )
    assert message(c.use_catalog, "nope") == "A catalog with name [nope] does not exist."
    assert message(c.create_database, ("my", "db")) == "Catalog my does not exist"
    assert message(c.create_catalog, "c1", {}) == (
        "Catalog options do not contain an option key 'type' for discovering a catalog."
    )
    assert message(c.create_catalog, "c1", {"type": "hive"}).startswith(
        "Could not find any factory for identifier 'hive' that implements "
        "'org.apache.flink.table.factories.CatalogFactory' in the classpath."
    )
    c.create_catalog("c1", {"type": "generic_in_memory"})
    assert message(c.create_catalog, "c1", {"type": "generic_in_memory"}) == (
        "Catalog c1 already exists."
    )
    assert c.list_catalogs() == ["c1", "default_catalog"]
    c.use_catalog("c1")
    assert (c.current_catalog, c.current_database) == ("c1", "default")
    c.create_database(("db1",))
    assert message(c.create_database, ("db1",)) == "Database db1 already exists in Catalog c1."
    assert c.list_databases() == ["db1", "default"]
    c.use_database(("db1",))
    assert c.qualify(("t",)) == ObjectIdentifier("c1", "db1", "t")
    assert message(c.drop_database, ("db1",)) == "Cannot drop a database which is currently in use."
    assert message(c.drop_catalog, "c1") == "Cannot drop a catalog which is currently in use."
    c.use_catalog("default_catalog")
    c.create_table(ResolvedTable(ObjectIdentifier("c1", "db1", "t"), SCHEMA, {}))
    assert message(c.drop_database, ("c1", "db1")) == "Database db1 in catalog c1 is not empty."
    c.drop_database(("c1", "db1"), cascade=True)
    c.drop_catalog("c1")
    assert c.list_catalogs() == ["default_catalog"]


def test_functions() -> None:
    c = Catalog()
    c.create_function(("currency_convert",), "com.example.CurrencyConverter", temporary=True)
    c.create_function(("MyUpper",), "com.example.Upper")
    c.create_function(("sysf",), "com.example.F", temporary=True, system=True)
    assert c.list_functions() == ["currency_convert", "myupper", "sysf"]
    assert c.lookup_function(("MYUPPER",)).class_name == "com.example.Upper"
    assert (
        message(c.create_function, ("currency_convert",), "x", temporary=True)
        == "Temporary catalog function `default_catalog`.`default_database`.`currency_convert` is already defined"
    )
    assert message(c.create_function, ("myupper",), "x") == (
        "Function default_database.myupper already exists in Catalog default_catalog."
    )
    assert message(c.create_function, ("sysf",), "x", temporary=True, system=True) == (
        "Could not register temporary system function. A function named 'sysf' does already exist."
    )
    c.drop_function(("currency_convert",), temporary=True)
    c.drop_function(("sysf",), temporary=True, system=True)
    c.drop_function(("myupper",))
    assert c.list_functions() == []
    assert message(c.drop_function, ("myupper",)) == (
        "Function default_database.myupper does not exist in Catalog default_catalog."
    )
