"""Parse tree -> AST, part 4: DDL, DML and the other statements; the complete transformer.

parser.py runs AstTransformer over the Lark tree of one statement."""

from __future__ import annotations

from dataclasses import replace

from lark import Token, v_args

from flinklite.errors import ValidationError
from flinklite.sql import ast
from flinklite.sql._transform import NameP, Part, nodes, parts, tokens
from flinklite.sql._transform_query import QueryTransformer

_NOT_ENFORCED_MESSAGE = (
    "Flink doesn't support ENFORCED mode for PRIMARY KEY constraint. ENFORCED/NOT ENFORCED "
    "controls if the constraint checks are performed on the incoming/outgoing data. Flink does "
    "not own the data therefore the only supported mode is the NOT ENFORCED mode"
)


@v_args(meta=True)
class AstTransformer(QueryTransformer):
    # --- DDL ------------------------------------------------------------------------------

    def if_not_exists(self, meta, ch):
        return Part("if", True)

    if_exists = if_not_exists

    def create_table(self, meta, ch):
        p = parts(ch)
        elements = p.get("elements", [])
        columns = tuple(e for e in elements if isinstance(e, ast.Column))
        keys = [e for e in elements if isinstance(e, ast.PrimaryKey)]
        column_keys = [c for c in columns if isinstance(c, ast.PhysicalColumn) and c.primary_key]
        if len(keys) + len(column_keys) > 1:
            node = (keys + column_keys)[1]
            raise ValidationError("Duplicate primary key definition", pos=node.pos)
        tail = p.get("tail")
        return ast.CreateTable(
            ch[next(i for i, c in enumerate(ch) if isinstance(c, NameP))].parts,
            columns=columns,
            watermarks=tuple(e for e in elements if isinstance(e, ast.WatermarkSpec)),
            primary_key=keys[0] if keys else None,
            comment=p.get("comment"),
            partitioned_by=p.get("partitioned", ()),
            options=p.get("options", ()),
            like=tail if isinstance(tail, ast.LikeClause) else None,
            as_query=tail if isinstance(tail, ast.Query) else None,
            if_not_exists="if" in p,
            temporary="TEMPORARY" in tokens(ch),
            pos=self.pos(meta),
        )

    def create_or_replace_table(self, meta, ch):
        return replace(self.create_table(meta, ch), replace="CREATE OR REPLACE")

    def replace_table(self, meta, ch):
        p = parts(ch)
        return ast.CreateTable(
            ch[next(i for i, c in enumerate(ch) if isinstance(c, NameP))].parts,
            comment=p.get("comment"),
            partitioned_by=p.get("partitioned", ()),
            options=p.get("options", ()),
            as_query=ch[-1],
            replace="REPLACE",
            pos=self.pos(meta),
        )

    def table_elements(self, meta, ch):
        return Part("elements", ch)

    def watermark(self, meta, ch):
        return ast.WatermarkSpec(ch[2].parts, ch[-1], pos=self.pos(meta))

    def table_pk(self, meta, ch):
        p = parts(ch)
        return ast.PrimaryKey(
            p["idents"],
            p.get("constraint"),
            p.get("enforced", True),  # not written means ENFORCED, which Flink rejects
            pos=self.pos(meta),
        )

    def column_pk(self, meta, ch):
        if parts(ch).get("enforced", True):
            raise ValidationError(_NOT_ENFORCED_MESSAGE, pos=self.pos(meta))
        return Part("pk", True)

    def constraint_name(self, meta, ch):
        return Part("constraint", ch[1])

    def not_enforced(self, meta, ch):
        return Part("enforced", False)

    def enforced(self, meta, ch):
        return Part("enforced", True)

    def metadata_key(self, meta, ch):
        return Part("metadata_key", ch[1])

    def metadata_column(self, meta, ch):
        p = parts(ch)
        return ast.MetadataColumn(
            ch[0],
            p.get("comment"),
            type=ch[1],
            key=p.get("metadata_key"),
            virtual="VIRTUAL" in tokens(ch),
            pos=self.pos(meta),
        )

    def physical_column(self, meta, ch):
        p = parts(ch)
        return ast.PhysicalColumn(
            ch[0], p.get("comment"), type=ch[1], primary_key="pk" in p, pos=self.pos(meta)
        )

    def computed_column(self, meta, ch):
        p = parts(ch)
        return ast.ComputedColumn(ch[0], p.get("comment"), expr=ch[2], pos=self.pos(meta))

    def column_comment(self, meta, ch):
        return Part("comment", ch[1])

    table_comment = column_comment

    def partitioned_by(self, meta, ch):
        return Part("partitioned", ch[-1].value)

    def with_options(self, meta, ch):
        return Part("options", ch[1].value)

    def properties(self, meta, ch):
        return Part("properties", tuple(ch))

    def property(self, meta, ch):
        return ast.Property(ch[0], ch[1], pos=self.pos(meta))

    def like_clause(self, meta, ch):
        options = parts(ch).get("like_options", ())
        return Part("tail", ast.LikeClause(ch[1].parts, options, pos=self.pos(meta)))

    def as_query(self, meta, ch):
        return Part("tail", ch[1])

    def like_options(self, meta, ch):
        return Part("like_options", tuple(ch))

    def like_option(self, meta, ch):
        return ast.LikeOption(ch[0].type, ch[1].type, pos=self.pos(meta))

    def create_view(self, meta, ch):
        p = parts(ch)
        name = next(c for c in ch if isinstance(c, NameP))
        return ast.CreateView(
            name.parts,
            ch[-1],
            columns=p.get("idents", ()),
            comment=p.get("comment"),
            if_not_exists="if" in p,
            temporary="TEMPORARY" in tokens(ch),
            pos=self.pos(meta),
        )

    def function_scope(self, meta, ch):
        return Part("scope", frozenset(tokens(ch)))

    def create_function(self, meta, ch):
        p = parts(ch)
        kws = tokens(ch) | p.get("scope", frozenset())
        name = next(c for c in ch if isinstance(c, NameP))
        class_name = next(c for c in ch if isinstance(c, str) and not isinstance(c, Token))
        return ast.CreateFunction(
            name.parts,
            class_name,
            language=p.get("language"),
            jars=p.get("jars", ()),
            if_not_exists="if" in p,
            temporary="TEMPORARY" in kws,
            system="SYSTEM" in kws,
            pos=self.pos(meta),
        )

    def function_language(self, meta, ch):
        return Part("language", ch[1].type)

    def using_jars(self, meta, ch):
        return Part("jars", tuple(c for c in ch if not isinstance(c, Token)))

    def create_catalog(self, meta, ch):
        p = parts(ch)
        name = next(c for c in ch if isinstance(c, str) and not isinstance(c, Token))
        return ast.CreateCatalog(name, p.get("options", ()), "if" in p, pos=self.pos(meta))

    def create_database(self, meta, ch):
        p = parts(ch)
        name = next(c for c in ch if isinstance(c, NameP))
        return ast.CreateDatabase(
            name.parts, p.get("comment"), p.get("options", ()), "if" in p, pos=self.pos(meta)
        )

    def _drop(self, meta, ch, kind: str) -> ast.Drop:
        kws = tokens(ch) | parts(ch).get("scope", frozenset())
        name = next(c for c in ch if isinstance(c, NameP | str) and not isinstance(c, Token))
        cascade = True if "CASCADE" in kws else False if "RESTRICT" in kws else None
        return ast.Drop(
            kind,
            name.parts if isinstance(name, NameP) else (name,),
            if_exists="if" in parts(ch),
            temporary="TEMPORARY" in kws,
            system="SYSTEM" in kws,
            cascade=cascade,
            pos=self.pos(meta),
        )

    def drop_table(self, meta, ch):
        return self._drop(meta, ch, "TABLE")

    def drop_view(self, meta, ch):
        return self._drop(meta, ch, "VIEW")

    def drop_function(self, meta, ch):
        return self._drop(meta, ch, "FUNCTION")

    def drop_database(self, meta, ch):
        return self._drop(meta, ch, "DATABASE")

    def drop_catalog(self, meta, ch):
        return self._drop(meta, ch, "CATALOG")

    def alter_table(self, meta, ch):
        name = next(c for c in ch if isinstance(c, NameP))
        fields = parts(ch)["action"]
        return ast.AlterTable(name.parts, if_exists="if" in parts(ch), pos=self.pos(meta), **fields)

    def alter_rename(self, meta, ch):
        return Part("action", {"action": "RENAME", "new_name": ch[-1].parts})

    def alter_set(self, meta, ch):
        return Part("action", {"action": "SET", "options": ch[-1].value})

    def alter_reset(self, meta, ch):
        keys = tuple(c for c in ch if isinstance(c, str) and not isinstance(c, Token))
        return Part("action", {"action": "RESET", "keys": keys})

    def alter_schema(self, meta, ch, parenthesized: bool = False):
        columns: list[ast.Column] = []
        watermarks: list[ast.WatermarkSpec] = []
        keys: list[ast.PrimaryKey] = []
        positions: list[ast.ColumnPosition] = []
        for c in ch[1:]:
            if isinstance(c, Part):  # a column with FIRST / AFTER x
                column, position = c.value
                columns.append(column)
                positions.append(position)
            elif isinstance(c, ast.Column):
                columns.append(c)
            elif isinstance(c, ast.WatermarkSpec):
                watermarks.append(c)
            elif isinstance(c, ast.PrimaryKey):
                keys.append(c)
        column_keys = [c for c in columns if isinstance(c, ast.PhysicalColumn) and c.primary_key]
        if len(keys) + len(column_keys) > 1:
            node = (keys + column_keys)[1]
            raise ValidationError("Duplicate primary key definition", pos=node.pos)
        return Part(
            "action",
            {
                "action": ch[0].type,
                "columns": tuple(columns),
                "watermarks": tuple(watermarks),
                "primary_key": keys[0] if keys else None,
                "positions": tuple(positions),
                "parenthesized": parenthesized,
            },
        )

    def alter_schema_paren(self, meta, ch):
        return self.alter_schema(meta, ch, parenthesized=True)

    def positioned_column(self, meta, ch):
        column, (kind, reference) = ch[0], ch[1].value
        position = ast.ColumnPosition(column.name, kind, reference, pos=self.pos(meta))
        return Part("positioned", (column, position))

    def column_position(self, meta, ch):
        return Part("position", (ch[0].type, ch[1] if len(ch) > 1 else None))

    def alter_drop_column(self, meta, ch):
        return Part("action", {"action": "DROP COLUMN", "names": (ch[1],)})

    def alter_drop_columns(self, meta, ch):
        names = ch[1].value
        return Part("action", {"action": "DROP COLUMN", "names": names, "parenthesized": True})

    def alter_drop_pk(self, meta, ch):
        return Part("action", {"action": "DROP PRIMARY KEY"})

    def alter_drop_constraint(self, meta, ch):
        return Part("action", {"action": "DROP CONSTRAINT", "names": (ch[-1],)})

    def alter_drop_watermark(self, meta, ch):
        return Part("action", {"action": "DROP WATERMARK"})

    def alter_rename_column(self, meta, ch):
        return Part("action", {"action": "RENAME COLUMN", "names": (ch[1],), "new_name": (ch[-1],)})

    def alter_view_rename(self, meta, ch):
        return ast.AlterView(ch[2].parts, "RENAME", new_name=ch[-1].parts, pos=self.pos(meta))

    def alter_view_as(self, meta, ch):
        return ast.AlterView(ch[2].parts, "AS", query=ch[-1], pos=self.pos(meta))

    def alter_function(self, meta, ch):
        p = parts(ch)
        kws = tokens(ch) | p.get("scope", frozenset())
        name = next(c for c in ch if isinstance(c, NameP))
        class_name = next(c for c in ch if isinstance(c, str) and not isinstance(c, Token))
        return ast.AlterFunction(
            name.parts,
            class_name,
            language=p.get("language"),
            if_exists="if" in p,
            temporary="TEMPORARY" in kws,
            system="SYSTEM" in kws,
            pos=self.pos(meta),
        )

    def alter_database(self, meta, ch):
        return ast.AlterDatabase(ch[2].parts, ch[-1].value, pos=self.pos(meta))

    def execute_insert(self, meta, ch):
        return ch[-1]

    def use_modules(self, meta, ch):
        return ast.UseModules(tuple(ch[2:]), pos=self.pos(meta))

    def jar_statement(self, meta, ch):
        return ast.JarStatement(ch[0].type, ch[-1], pos=self.pos(meta))

    # --- DML and other statements ---------------------------------------------------------

    def query_statement(self, meta, ch):
        return ast.QueryStatement(ch[0], pos=self.pos(meta))

    def insert(self, meta, ch):
        p = parts(ch)
        return ast.Insert(
            ch[2].parts,
            ch[-1],
            columns=p.get("idents", ()),
            overwrite=ch[1].type == "OVERWRITE",
            partition=p.get("partition", ()),
            hints=p.get("hints", ()),
            pos=self.pos(meta),
        )

    def partition_spec(self, meta, ch):
        return Part("partition", tuple(ch[1:]))

    def partition_kv(self, meta, ch):
        value = ch[1]
        text = getattr(value, "value", None) or getattr(value, "text", None)
        if isinstance(value, ast.BooleanLiteral):
            text = "true" if value.value else "false"
        if not isinstance(text, str):
            raise self.error("SQL parse failed. A partition value must be a literal", meta)
        return ast.Property(ch[0], text, pos=self.pos(meta))

    def statement_set(self, meta, ch):
        return ast.StatementSet(tuple(nodes(ch, ast.Insert)), pos=self.pos(meta))

    def statement_set_plain(self, meta, ch):
        inserts = tuple(nodes(ch, ast.Insert))
        return ast.StatementSet(inserts, execute_written=False, pos=self.pos(meta))

    def begin_statement_set(self, meta, ch):
        return ast.BeginStatementSet(pos=self.pos(meta))

    def end_statement(self, meta, ch):
        return ast.End(pos=self.pos(meta))

    def explain_plan_for(self, meta, ch):
        return ast.Explain(ch[-1], plan_for=True, pos=self.pos(meta))

    def explain_details(self, meta, ch):
        details = tuple(c for c in ch[1:-1] if isinstance(c, str) and not isinstance(c, Token))
        return ast.Explain(ch[-1], details, pos=self.pos(meta))

    def explain_plain(self, meta, ch):
        return ast.Explain(ch[-1], pos=self.pos(meta))

    def explain_detail(self, meta, ch):
        return ch[0].type

    def _show(self, meta, ch, what: str, name: ast.Name = ()) -> ast.Show:
        pattern, negated = parts(ch).get("like", (None, False))
        return ast.Show(what, name, pattern, negated, pos=self.pos(meta))

    def show_tables(self, meta, ch):
        return self._show(meta, ch, "TABLES", parts(ch).get("from", ()))

    def show_views(self, meta, ch):
        return self._show(meta, ch, "VIEWS", parts(ch).get("from", ()))

    def show_databases(self, meta, ch):
        return self._show(meta, ch, "DATABASES", parts(ch).get("from", ()))

    def show_functions(self, meta, ch):
        what = "USER FUNCTIONS" if "USER" in tokens(ch) else "FUNCTIONS"
        return self._show(meta, ch, what, parts(ch).get("from", ()))

    def show_simple(self, meta, ch):
        words = " ".join(c.type for c in ch[1:] if isinstance(c, Token))
        return self._show(meta, ch, words)

    def show_create(self, meta, ch):
        return self._show(meta, ch, f"CREATE {ch[2].type}", ch[3].parts)

    def show_columns(self, meta, ch):
        return self._show(meta, ch, "COLUMNS", ch[3].parts)

    def show_from(self, meta, ch):
        return Part("from", ch[1].parts)

    def show_like(self, meta, ch):
        return Part("like", (ch[-1], "NOT" in tokens(ch)))

    def describe(self, meta, ch):
        return ast.Describe(ch[-1].parts, "EXTENDED" in tokens(ch), ch[0].type, pos=self.pos(meta))

    def set_all(self, meta, ch):
        return ast.Set(pos=self.pos(meta))

    def set_quoted(self, meta, ch):
        return ast.Set(ch[1], ch[2], pos=self.pos(meta))

    def set_raw(self, meta, ch):
        raw: Token = ch[1]
        key, eq, value = raw.value.partition("=")
        key, value = key.strip(), value.strip()
        if not eq or not key or not value:
            raise self.error(
                f'SQL parse failed. Encountered "{raw.value.strip()}" at {self.tpos(raw)}: '
                "expected 'key' = 'value'",
                raw,
                hint="write SET 'key' = 'value'; (SET; alone lists the properties)",
            )
        return ast.Set(key, value, quoted=False, pos=self.pos(meta))

    def reset_all(self, meta, ch):
        return ast.Reset(pos=self.pos(meta))

    def reset_key(self, meta, ch):
        return ast.Reset(ch[1], pos=self.pos(meta))

    def reset_raw(self, meta, ch):
        return ast.Reset(ch[1].value.strip(), pos=self.pos(meta))

    def stop_job(self, meta, ch):
        p = parts(ch)
        return ast.StopJob(ch[2], "savepoint" in p, "drain" in p, pos=self.pos(meta))

    def with_savepoint(self, meta, ch):
        return Part("savepoint")

    def with_drain(self, meta, ch):
        return Part("drain")

    def use_catalog(self, meta, ch):
        return ast.Use((ch[-1],), catalog=True, pos=self.pos(meta))

    def use_database(self, meta, ch):
        return ast.Use(ch[-1].parts, pos=self.pos(meta))

    def client_command(self, meta, ch):
        return ast.ClientCommand(ch[0].type, pos=self.pos(meta))
