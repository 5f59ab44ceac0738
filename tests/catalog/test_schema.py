"""CREATE TABLE → resolved schema: column kinds, time attributes, primary keys, LIKE merging and
every validation error Flink raises there, each pointing at the offending node."""

from __future__ import annotations

import pytest

from flinklite.catalog import types as T
from flinklite.catalog.catalog import Catalog, ResolvedTable, resolve_create_table
from flinklite.catalog.schema import (
    ComputedColumn,
    MetadataColumn,
    PhysicalColumn,
    build_schema,
    like_strategies,
)
from flinklite.catalog.types import DataType
from flinklite.errors import Pos, ValidationError
from flinklite.sql import ast

# --- a tiny AST vocabulary and a stand-in for the binder's expression typer -----------------------


def spec(name: str, *params: int, nullable: bool = True) -> ast.DataTypeSpec:
    return ast.DataTypeSpec(name, params, nullable=nullable)


def at(line: int, column: int = 5) -> Pos:
    return Pos(line, column)


def phys(name: str, t: ast.DataTypeSpec, line: int = 2, **kw) -> ast.PhysicalColumn:
    return ast.PhysicalColumn(name, type=t, pos=at(line), **kw)


def ref(name: str) -> ast.Identifier:
    return ast.Identifier((name,))


def minus_seconds(name: str, seconds: str = "1") -> ast.BinaryOp:
    return ast.BinaryOp(
        "-", ref(name), ast.IntervalLiteral(seconds, ast.IntervalQualifier("SECOND"))
    )


PROCTIME = ast.FunctionCall(("PROCTIME",))


def stub_type_of(expr: ast.Expr, columns: list[tuple[str, DataType]]) -> DataType:
    """Types column references, CAST, PROCTIME() and `col - INTERVAL`, as the binder would."""
    if isinstance(expr, ast.Identifier):
        for name, t in columns:
            if name == expr.parts[-1]:
                return t
        raise ValidationError(f"Column '{expr.parts[-1]}' not found in any table", pos=expr.pos)
    if isinstance(expr, ast.Cast):
        return T.from_spec(expr.type)
    if isinstance(expr, ast.FunctionCall) and expr.name == ("PROCTIME",):
        return T.timestamp_ltz(3, nullable=False).as_time_attribute("PROCTIME")
    if isinstance(expr, ast.BinaryOp) and isinstance(expr.right, ast.IntervalLiteral):
        return stub_type_of(expr.left, columns).without_time_attribute()
    if isinstance(expr, ast.NumericLiteral):
        return T.int_(False)
    raise AssertionError(f"stub cannot type {expr}")


def create(*columns: ast.Column, **kw) -> ast.CreateTable:
    return ast.CreateTable(("t",), columns, pos=at(1, 1), **kw)


def build(stmt: ast.CreateTable, like_source: ResolvedTable | None = None):
    return build_schema(stmt, type_of=stub_type_of, like_source=like_source)


def sales_record_table() -> ast.CreateTable:
    """The tutorial's SalesRecordTable (tutorial-facts §5.1 A1)."""
    cols = [
        phys(n, spec("STRING"), i + 2)
        for i, n in enumerate(["invoice_id", "user_id", "product_id", "quantity", "unit_cost"])
    ]
    cols.append(
        ast.MetadataColumn("purchase_time", type=spec("TIMESTAMP", 3), key="timestamp", pos=at(7))
    )
    options = {
        "connector": "kafka",
        "topic": "flink.sales.records",
        "properties.bootstrap.servers": "my-cluster-kafka-bootstrap.flink.svc:9092",
        "properties.group.id": "sales-record-group",
        "value.format": "avro-confluent",
        "value.avro-confluent.url": "http://apicurio-registry-service.flink.svc:8080/apis/ccompat/v6",
        "scan.startup.mode": "latest-offset",
    }
    return ast.CreateTable(
        ("SalesRecordTable",),
        tuple(cols),
        watermarks=(
            ast.WatermarkSpec(("purchase_time",), minus_seconds("purchase_time"), pos=at(8)),
        ),
        options=tuple(
            ast.Property(k, v, pos=at(10 + i)) for i, (k, v) in enumerate(options.items())
        ),
        pos=at(1, 1),
    )


# --- building schemas ------------------------------------------------------------------------------


def test_sales_record_table_schema() -> None:
    schema = build(sales_record_table())
    assert schema.names == (
        "invoice_id",
        "user_id",
        "product_id",
        "quantity",
        "unit_cost",
        "purchase_time",
    )
    ts = schema.column("purchase_time")
    assert isinstance(ts, MetadataColumn) and ts.metadata_key == "timestamp" and not ts.virtual
    assert ts.type.summary() == "TIMESTAMP(3) *ROWTIME*"
    assert schema.rowtime_column is ts
    assert schema.watermark is not None
    assert schema.watermark.sql == "`purchase_time` - INTERVAL '1' SECOND"
    assert schema.watermark.type == T.timestamp(3)
    assert [c.name for c in schema.persisted_columns] == list(schema.names)
    assert len(schema.physical_columns) == 5


def test_column_kinds_proctime_and_primary_key_not_null() -> None:
    schema = build(
        create(
            phys("user", spec("BIGINT")),
            phys("product", spec("VARCHAR", 32), 3),
            ast.ComputedColumn("ptime", expr=PROCTIME, pos=at(4)),
            ast.MetadataColumn("part", type=spec("INT"), key="partition", virtual=True, pos=at(5)),
            primary_key=ast.PrimaryKey(("user",), pos=at(6)),
        )
    )
    assert schema.column("user").type == T.bigint(False)  # PK columns become NOT NULL
    ptime = schema.column("ptime")
    assert isinstance(ptime, ComputedColumn)
    assert ptime.type.summary() == "TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*"
    assert ptime.explain_extras() == "AS PROCTIME()"
    assert schema.column("part").explain_extras() == "METADATA FROM 'partition' VIRTUAL"
    assert [c.name for c in schema.persisted_columns] == ["user", "product"]
    assert schema.primary_key is not None
    assert schema.primary_key.name == "PK_user"
    assert schema.primary_key.summary() == "CONSTRAINT `PK_user` PRIMARY KEY (`user`) NOT ENFORCED"
    assert schema.primary_key_indexes == (0,)


def test_column_level_primary_key_and_named_constraint() -> None:
    schema = build(create(phys("id", spec("INT"), primary_key=True), phys("v", spec("STRING"), 3)))
    assert schema.primary_key.columns == ("id",) and schema.column("id").type == T.int_(False)
    named = build(
        create(
            phys("a", spec("INT")),
            primary_key=ast.PrimaryKey(("a",), constraint_name="my_pk", pos=at(3)),
        )
    )
    assert named.primary_key.name == "my_pk"


def test_computed_columns_see_physical_and_metadata_columns() -> None:
    schema = build(
        create(
            phys("q", spec("STRING")),
            ast.ComputedColumn("q_int", expr=ast.Cast(ref("q"), spec("INT")), pos=at(3)),
            ast.MetadataColumn("ts", type=spec("TIMESTAMP_LTZ", 3), key="timestamp", pos=at(4)),
            ast.ComputedColumn("ts2", expr=ref("ts"), pos=at(5)),
        )
    )
    assert schema.column("q_int").type == T.int_()
    assert schema.column("ts2").type == T.timestamp_ltz(3)
    assert schema.column("q_int").sql == "CAST(`q` AS INT)"


def test_watermark_on_timestamp_ltz_and_computed_rowtime() -> None:
    schema = build(
        create(
            phys("ts", spec("TIMESTAMP_LTZ", 3)),
            ast.ComputedColumn("ts2", expr=ref("ts"), pos=at(3)),
            watermarks=(ast.WatermarkSpec(("ts2",), ref("ts2"), pos=at(4)),),
        )
    )
    assert schema.column("ts2").type.summary() == "TIMESTAMP_LTZ(3) *ROWTIME*"
    assert not schema.column("ts").type.is_rowtime


# --- errors ------------------------------------------------------------------------------------------


def error_of(stmt: ast.CreateTable, like_source: ResolvedTable | None = None) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        build(stmt, like_source)
    return info.value


def test_duplicate_column() -> None:
    e = error_of(create(phys("a", spec("INT")), phys("a", spec("STRING"), 3)))
    assert e.message == "A regular Column named 'a' already exists in the table."
    assert e.pos == at(3)


def test_primary_key_on_unknown_column() -> None:
    e = error_of(create(phys("a", spec("INT")), primary_key=ast.PrimaryKey(("b",), pos=at(4, 3))))
    assert e.message == "Primary key column 'b' is not defined in the schema at line 4, column 3"
    assert e.pos == at(4, 3)


@pytest.mark.parametrize(
    "column",
    [
        ast.ComputedColumn("c", expr=PROCTIME, pos=at(3)),
        ast.MetadataColumn("c", type=spec("INT"), key="partition", pos=at(3)),
    ],
)
def test_primary_key_on_computed_or_metadata_column(column: ast.Column) -> None:
    e = error_of(
        create(phys("a", spec("INT")), column, primary_key=ast.PrimaryKey(("c",), pos=at(5, 3)))
    )
    assert e.message == (
        "Could not create a PRIMARY KEY with column 'c' at line 5, column 3.\n"
        "A PRIMARY KEY constraint must be declared on physical columns."
    )


def test_enforced_primary_key() -> None:
    e = error_of(
        create(phys("a", spec("INT")), primary_key=ast.PrimaryKey(("a",), enforced=True, pos=at(3)))
    )
    assert e.message.startswith("Flink doesn't support ENFORCED mode for PRIMARY KEY constraint.")
    assert e.message.endswith("the only supported mode is the NOT ENFORCED mode")
    assert e.pos == at(3)


def test_column_and_table_primary_key() -> None:
    e = error_of(
        create(
            phys("a", spec("INT"), primary_key=True),
            primary_key=ast.PrimaryKey(("a",), pos=at(4)),
        )
    )
    assert e.message == "Duplicate primary key definition"
    assert e.pos == at(4)


def test_watermark_on_unknown_column() -> None:
    e = error_of(
        create(
            phys("ts", spec("TIMESTAMP", 3)),
            watermarks=(ast.WatermarkSpec(("tss",), ref("tss"), pos=at(3, 19)),),
        )
    )
    assert e.message == (
        "The rowtime attribute field 'tss' is not defined in the table schema, at line 3, "
        "column 19\nAvailable fields: ['ts']"
    )
    assert e.hint == "did you mean 'ts'?"


@pytest.mark.parametrize(
    ("t", "shown"),
    [(spec("BIGINT"), "BIGINT"), (spec("TIMESTAMP", 6), "TIMESTAMP(6)"), (spec("DATE"), "DATE")],
)
def test_watermark_time_field_type(t: ast.DataTypeSpec, shown: str) -> None:
    e = error_of(
        create(phys("ts", t), watermarks=(ast.WatermarkSpec(("ts",), ref("ts"), pos=at(3)),))
    )
    assert e.message == (
        "Invalid data type of time field for watermark definition. The field must be of type "
        "TIMESTAMP(p) or TIMESTAMP_LTZ(p), the supported precision 'p' is from 0 to 3, but the "
        f"time field type is {shown}"
    )


def test_watermark_expression_type() -> None:
    expr = ast.NumericLiteral("1", pos=at(3, 30))
    e = error_of(
        create(
            phys("ts", spec("TIMESTAMP", 3)),
            watermarks=(ast.WatermarkSpec(("ts",), expr, pos=at(3)),),
        )
    )
    assert e.message.startswith("Invalid data type of expression for watermark definition.")
    assert e.message.endswith("but the watermark expression type is INT NOT NULL")
    assert e.pos == at(3, 30)


def test_watermark_on_proctime() -> None:
    e = error_of(
        create(
            ast.ComputedColumn("p", expr=PROCTIME, pos=at(2)),
            watermarks=(ast.WatermarkSpec(("p",), ref("p"), pos=at(3)),),
        )
    )
    assert e.message == "A watermark can not be defined for a processing-time attribute."


# --- LIKE ----------------------------------------------------------------------------------------


def base_table() -> ResolvedTable:
    catalog = Catalog()
    stmt = ast.CreateTable(
        ("base",),
        (
            phys("id", spec("INT")),
            phys("ts", spec("TIMESTAMP", 3), 3),
            ast.ComputedColumn("c", expr=ast.Cast(ref("id"), spec("STRING")), pos=at(4)),
            ast.MetadataColumn("off", type=spec("BIGINT"), key="offset", pos=at(5)),
        ),
        watermarks=(ast.WatermarkSpec(("ts",), minus_seconds("ts"), pos=at(6)),),
        primary_key=ast.PrimaryKey(("id",), pos=at(7)),
        options=(ast.Property("connector", "datagen"), ast.Property("number-of-rows", "10")),
        partitioned_by=("id",),
    )
    return resolve_create_table(catalog, stmt, type_of=stub_type_of)


def like(*options: tuple[str, str]) -> ast.LikeClause:
    return ast.LikeClause(("base",), tuple(ast.LikeOption(m, f, pos=at(9)) for m, f in options))


def test_like_defaults_include_everything_and_overwrite_options() -> None:
    assert like_strategies(None)["OPTIONS"] == "OVERWRITING"
    source = base_table()
    stmt = create(phys("extra", spec("STRING"), 3), like=like())
    schema = build(stmt, source)
    assert schema.names == ("id", "ts", "c", "off", "extra")
    assert schema.primary_key.columns == ("id",)
    assert schema.column("ts").type.is_rowtime


def test_like_excluding_features() -> None:
    source = base_table()
    stmt = create(
        phys("extra", spec("STRING"), 3),
        like=like(("EXCLUDING", "ALL"), ("INCLUDING", "METADATA")),
    )
    schema = build(stmt, source)
    assert schema.names == ("id", "ts", "off", "extra")
    assert schema.primary_key is None and schema.watermark is None
    assert not schema.column("ts").type.is_rowtime


def test_like_merges_options_and_partitions() -> None:
    catalog = Catalog()
    catalog.create_table(base_table())
    stmt = ast.CreateTable(
        ("derived",),
        options=(ast.Property("number-of-rows", "5"),),
        like=like(),
        pos=at(1, 1),
    )
    table = resolve_create_table(catalog, stmt, type_of=stub_type_of)
    assert table.options == {"connector": "datagen", "number-of-rows": "5"}
    assert table.partition_keys == ("id",)
    clash = ast.CreateTable(
        ("d2",),
        options=(ast.Property("number-of-rows", "5", pos=at(3)),),
        like=like(("INCLUDING", "OPTIONS")),
    )
    with pytest.raises(ValidationError) as info:
        resolve_create_table(catalog, clash, type_of=stub_type_of)
    assert info.value.message == (
        "There already exists an option ['number-of-rows' -> '10']  in the base table. You might "
        "want to specify EXCLUDING OPTIONS or OVERWRITING OPTIONS."
    )
    assert info.value.pos == at(3)


@pytest.mark.parametrize(
    ("column", "options", "message"),
    [
        (
            phys("id", spec("INT"), 3),
            (),
            "A column named 'id' already exists in the base table.",
        ),
        (
            ast.ComputedColumn("id", expr=PROCTIME, pos=at(3)),
            (),
            "A column named 'id' already exists in the base table. Computed columns can only "
            "overwrite other computed columns.",
        ),
        (
            ast.ComputedColumn("c", expr=PROCTIME, pos=at(3)),
            (),
            "A generated column named 'c' already exists in the base table. You might want to "
            "specify EXCLUDING GENERATED or OVERWRITING GENERATED.",
        ),
        (
            ast.MetadataColumn("off", type=spec("BIGINT"), key="offset", pos=at(3)),
            (),
            "A metadata column named 'off' already exists in the base table. You might want to "
            "specify EXCLUDING METADATA or OVERWRITING METADATA.",
        ),
    ],
)
def test_like_column_clashes(column: ast.Column, options, message: str) -> None:
    e = error_of(create(column, like=like(*options)), base_table())
    assert e.message == message
    assert e.pos == at(3)


def test_like_overwriting_generated_keeps_position() -> None:
    stmt = create(
        ast.ComputedColumn("c", expr=PROCTIME, pos=at(3)),
        like=like(("OVERWRITING", "GENERATED")),
    )
    schema = build(stmt, base_table())
    assert schema.names == ("id", "ts", "c", "off")
    assert schema.column("c").type.is_proctime


def test_like_primary_key_and_watermark_clashes() -> None:
    e = error_of(
        create(phys("x", spec("INT")), primary_key=ast.PrimaryKey(("x",), pos=at(3)), like=like()),
        base_table(),
    )
    assert e.message.startswith("The base table already has a primary key.")
    e = error_of(
        create(watermarks=(ast.WatermarkSpec(("ts",), ref("ts"), pos=at(3)),), like=like()),
        base_table(),
    )
    assert e.message.startswith("There already exists a watermark spec for column 'ts'")
    schema = build(
        create(
            watermarks=(ast.WatermarkSpec(("ts",), ref("ts"), pos=at(3)),),
            like=like(("OVERWRITING", "WATERMARKS")),
        ),
        base_table(),
    )
    assert schema.watermark.sql == "`ts`"


def test_like_illegal_strategies() -> None:
    e = error_of(create(like=like(("OVERWRITING", "CONSTRAINTS"))), base_table())
    assert e.message == "Illegal merging strategy 'OVERWRITING' for 'CONSTRAINTS' option."
    e = error_of(
        create(like=like(("INCLUDING", "OPTIONS"), ("EXCLUDING", "OPTIONS"))), base_table()
    )
    assert e.message == "Each like option feature can be declared only once."


def test_physical_column_helpers() -> None:
    schema = build(create(phys("a", spec("INT")), phys("b", spec("STRING"), 3)))
    assert isinstance(schema.column("a"), PhysicalColumn)
    assert schema.column("zz") is None
    assert schema.index_of("b") == 1
    assert schema.fields() == [("a", T.int_()), ("b", T.string())]
