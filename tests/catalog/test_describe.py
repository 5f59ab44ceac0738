"""DESCRIBE rows, SHOW ... listings and SHOW CREATE TABLE / VIEW text, against Flink's golden
outputs (flink-sql-client table.q / view.q) and the tutorial's SalesRecordTable."""

from __future__ import annotations

from test_schema import PROCTIME, at, minus_seconds, phys, sales_record_table, spec, stub_type_of

from flinklite.catalog import describe as D
from flinklite.catalog import types as T
from flinklite.catalog.catalog import Catalog, ObjectIdentifier, resolve_create_table
from flinklite.catalog.schema import schema_from_fields
from flinklite.sql import ast


def resolve(stmt: ast.CreateTable):
    return resolve_create_table(Catalog(), stmt, type_of=stub_type_of)


def orders_stmt() -> ast.CreateTable:
    """table.q's `orders` (user BIGINT NOT NULL, ..., ptime AS PROCTIME(), PK, watermark)."""
    return ast.CreateTable(
        ("orders",),
        (
            phys("user", spec("BIGINT", nullable=False)),
            phys("product", spec("VARCHAR", 32), 3),
            phys("amount", spec("INT"), 4),
            phys("ts", spec("TIMESTAMP", 3), 5),
            ast.ComputedColumn("ptime", expr=PROCTIME, pos=at(6)),
        ),
        watermarks=(ast.WatermarkSpec(("ts",), minus_seconds("ts"), pos=at(8)),),
        primary_key=ast.PrimaryKey(("user",), pos=at(7)),
        options=(ast.Property("connector", "datagen"),),
        if_not_exists=True,
    )


def test_describe_orders_matches_flink() -> None:
    rows = D.describe(resolve(orders_stmt()).schema)
    assert rows.columns == ("name", "type", "null", "key", "extras", "watermark")
    assert rows.rows == [
        ("user", "BIGINT", False, "PRI(user)", None, None),
        ("product", "VARCHAR(32)", True, None, None, None),
        ("amount", "INT", True, None, None, None),
        ("ts", "TIMESTAMP(3) *ROWTIME*", True, None, None, "`ts` - INTERVAL '1' SECOND"),
        ("ptime", "TIMESTAMP_LTZ(3) *PROCTIME*", False, None, "AS PROCTIME()", None),
    ]


def test_show_columns_like() -> None:
    schema = resolve(orders_stmt()).schema
    assert [r[0] for r in D.describe(schema, like="%r").rows] == ["user"]
    assert [r[0] for r in D.describe(schema, like="%u%").rows] == ["user", "product", "amount"]
    assert [r[0] for r in D.describe(schema, like="%u%", not_like=True).rows] == ["ts", "ptime"]
    assert D.describe(schema, like="%u").rows == []
    assert [r[0] for r in D.describe(schema, like="use_").rows] == ["user"]


def test_show_create_orders_matches_flink() -> None:
    # Flink 2.x's ShowCreateUtil puts WITH on its own line (older clients printed `) WITH (`).
    assert D.show_create_table(resolve(orders_stmt())) == (
        "CREATE TABLE `default_catalog`.`default_database`.`orders` (\n"
        "  `user` BIGINT NOT NULL,\n"
        "  `product` VARCHAR(32),\n"
        "  `amount` INT,\n"
        "  `ts` TIMESTAMP(3),\n"
        "  `ptime` AS PROCTIME(),\n"
        "  WATERMARK FOR `ts` AS `ts` - INTERVAL '1' SECOND,\n"
        "  CONSTRAINT `PK_user` PRIMARY KEY (`user`) NOT ENFORCED\n"
        ")\n"
        "WITH (\n"
        "  'connector' = 'datagen'\n"
        ")\n"
    )


def test_describe_sales_record_table() -> None:
    rows = D.describe(resolve(sales_record_table()).schema).rows
    strings = [
        (n, "STRING", True, None, None, None)
        for n in ("invoice_id", "user_id", "product_id", "quantity", "unit_cost")
    ]
    assert rows == [
        *strings,
        (
            "purchase_time",
            "TIMESTAMP(3) *ROWTIME*",
            True,
            None,
            "METADATA FROM 'timestamp'",
            "`purchase_time` - INTERVAL '1' SECOND",
        ),
    ]


def test_show_create_sales_record_table() -> None:
    assert D.show_create_table(resolve(sales_record_table())) == (
        "CREATE TABLE `default_catalog`.`default_database`.`SalesRecordTable` (\n"
        "  `invoice_id` VARCHAR(2147483647),\n"
        "  `user_id` VARCHAR(2147483647),\n"
        "  `product_id` VARCHAR(2147483647),\n"
        "  `quantity` VARCHAR(2147483647),\n"
        "  `unit_cost` VARCHAR(2147483647),\n"
        "  `purchase_time` TIMESTAMP(3) METADATA FROM 'timestamp',\n"
        "  WATERMARK FOR `purchase_time` AS `purchase_time` - INTERVAL '1' SECOND\n"
        ")\n"
        "WITH (\n"
        "  'connector' = 'kafka',\n"
        "  'properties.bootstrap.servers' = 'my-cluster-kafka-bootstrap.flink.svc:9092',\n"
        "  'properties.group.id' = 'sales-record-group',\n"
        "  'scan.startup.mode' = 'latest-offset',\n"
        "  'topic' = 'flink.sales.records',\n"
        "  'value.avro-confluent.url' = "
        "'http://apicurio-registry-service.flink.svc:8080/apis/ccompat/v6',\n"
        "  'value.format' = 'avro-confluent'\n"
        ")\n"
    )


def test_show_create_with_comments_partitions_and_temporary() -> None:
    stmt = ast.CreateTable(
        ("t",),
        (
            ast.PhysicalColumn("a", comment="it's a", type=spec("INT"), pos=at(2)),
            ast.MetadataColumn("o", type=spec("BIGINT"), key="offset", virtual=True, pos=at(3)),
        ),
        comment="the 'table'",
        partitioned_by=("a",),
        temporary=True,
    )
    assert D.show_create_table(resolve(stmt)) == (
        "CREATE TEMPORARY TABLE `default_catalog`.`default_database`.`t` (\n"
        "  `a` INT COMMENT 'it''s a',\n"
        "  `o` BIGINT METADATA FROM 'offset' VIRTUAL\n"
        ")\n"
        "COMMENT 'the ''table'''\n"
        "PARTITIONED BY (`a`)\n"
    )


def test_show_create_view() -> None:
    catalog = Catalog()
    query = ast.Query(ast.Select((ast.SelectItem(ast.Star()),), ast.TableRef(("orders",))))
    view = catalog.create_view(
        ObjectIdentifier("default_catalog", "default_database", "v1"),
        query,
        (),
        schema_from_fields([("user", T.bigint(False)), ("product", T.varchar(32))]),
        temporary=True,
        expanded_query="SELECT `orders`.`user`, `orders`.`product`\n"
        "FROM `default_catalog`.`default_database`.`orders` AS `orders`",
    )
    assert D.show_create_view(view) == (
        "CREATE TEMPORARY VIEW `default_catalog`.`default_database`.`v1` (\n"
        "  `user`,\n"
        "  `product`\n"
        ")\n"
        "AS SELECT `orders`.`user`, `orders`.`product`\n"
        "FROM `default_catalog`.`default_database`.`orders` AS `orders`\n"
    )
    rows = D.describe_view(view).rows
    assert rows[0] == ("user", "BIGINT", False, None, None, None)


def test_listings() -> None:
    assert D.show_tables(["v1", "orders"]) == D.Rows(
        ("table name",), (T.string(False),), [("orders",), ("v1",)]
    )
    assert D.show_views(["b", "a"]).rows == [("a",), ("b",)]
    assert D.show_catalogs(["default_catalog", "c1"]).columns == ("catalog name",)
    assert D.show_databases(["db1", "default", "db2"], like="db%").rows == [("db1",), ("db2",)]
    funcs = D.show_functions(["myudf"], ["upper", "abs"])
    assert funcs.columns == ("function name",)
    assert funcs.rows == [("abs",), ("myudf",), ("upper",)]
    assert D.show_current("DATABASE", "default_database").columns == ("current database name",)


def test_show_create_table_hides_secret_values_unless_asked():
    from flinklite.session import Session

    session = Session()
    session.execute_statement(
        "CREATE TABLE k (a INT) WITH ('connector' = 'kafka', 'topic' = 't', "
        "'properties.bootstrap.servers' = 'x:1', 'format' = 'csv', "
        "'properties.sasl.jaas.config' = 'PlainLoginModule required username=\"u\" "
        "password=\"hunter2\";', 'properties.ssl.keystore.password' = 'pw-2', "
        "'value.avro-confluent.basic-auth.user-info' = 'u:pw-3')"
    )
    shown = session.execute_statement("SHOW CREATE TABLE k").text
    assert "hunter2" not in shown and "pw-2" not in shown and "pw-3" not in shown
    assert "'properties.ssl.keystore.password' = '******'" in shown
    assert "'properties.bootstrap.servers' = 'x:1'" in shown
    session.execute_statement("SET 'flinklite.show-secrets' = 'true'")
    assert "hunter2" in session.execute_statement("SHOW CREATE TABLE k").text
