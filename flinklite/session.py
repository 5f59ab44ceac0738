"""The session: configuration, catalog and statement execution behind every front end.

Session.execute(statement) -> Result is the one door; the shell, `-f` scripts, the tutorial and
tests all go through it, and rendering stays with them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flinklite import deep, executor
from flinklite.catalog import describe as D
from flinklite.catalog.alter_schema import altered
from flinklite.catalog.catalog import (
    Catalog,
    ObjectIdentifier,
    ResolvedTable,
    resolve_create_table,
)
from flinklite.catalog.schema import schema_from_fields
from flinklite.catalog.types import string
from flinklite.config import Configuration
from flinklite.connectors.registry import get_connector
from flinklite.dispatch import TypeDispatch
from flinklite.errors import FlinkliteError, UnsupportedError, ValidationError
from flinklite.planner import logical as L
from flinklite.planner.binder import Binder
from flinklite.planner.explain import explain, plan_statement
from flinklite.planner.plan import plan_insert
from flinklite.planner.portability import Finding, plan_findings, table_finding
from flinklite.planner.scan import validate_connector
from flinklite.results import (
    ALL_PROPERTIES_RESET,
    PROPERTY_RESET,
    STATEMENT_OK,
    ClearResult,
    HelpResult,
    QuitResult,
    Result,
    StatusResult,
    TableResult,
    TextResult,
)
from flinklite.sql import ast
from flinklite.sql.parser import parse_statement
from flinklite.sql.variables import substitute

STATEMENT_KINDS: dict[type, str] = {
    ast.CreateTable: "DDL",
    ast.CreateView: "DDL",
    ast.CreateFunction: "DDL",
    ast.CreateCatalog: "DDL",
    ast.CreateDatabase: "DDL",
    ast.Drop: "DDL",
    ast.AlterTable: "DDL",
    ast.Set: "SET",
    ast.Reset: "RESET",
    ast.Use: "USE",
    ast.QueryStatement: "QUERY",
    ast.Insert: "INSERT",
    ast.StatementSet: "INSERT",
    ast.BeginStatementSet: "STATEMENT SET",
    ast.End: "STATEMENT SET",
    ast.Explain: "EXPLAIN",
    ast.Show: "SHOW",
    ast.Describe: "DESCRIBE",
    ast.StopJob: "STOP JOB",
    ast.ClientCommand: "CLIENT",
}

HELP_TEXT = """The following commands are available:

CLEAR\t\tClears the current terminal.
CREATE TABLE\t\tCreate table under current catalog and database.
DROP TABLE\t\tDrop table with optional catalog and database. Syntax: "DROP TABLE [IF EXISTS] <name>;"
CREATE VIEW\t\tCreates a virtual table from a SQL query. Syntax: "CREATE VIEW <name> AS <query>;"
DESCRIBE\t\tDescribes the schema of a table with the given name.
DROP VIEW\t\tDeletes a previously created virtual table. Syntax: "DROP VIEW <name>;"
EXPLAIN\t\tDescribes the execution plan of a query or table with the given name.
HELP\t\tPrints the available commands.
INSERT INTO\t\tInserts the results of a SQL SELECT query into a declared table sink.
INSERT OVERWRITE\t\tInserts the results of a SQL SELECT query into a declared table sink and overwrite existing data.
QUIT\t\tQuits the SQL CLI client.
RESET\t\tResets a session configuration property. Syntax: "RESET '<key>';". Use "RESET;" for reset all session properties.
SELECT\t\tExecutes a SQL SELECT query on the flinklite engine.
SET\t\tSets a session configuration property. Syntax: "SET '<key>'='<value>';". Use "SET;" for listing all properties.
SHOW FUNCTIONS\t\tShows all user-defined and built-in functions or only user-defined functions. Syntax: "SHOW [USER] FUNCTIONS;"
SHOW TABLES\t\tShows all registered tables.
SHOW JOBS\t\tShows the jobs of this session.
STOP JOB\t\tStops a running job. Syntax: "STOP JOB '<job id>';"
USE CATALOG\t\tSets the current catalog. The current database is set to the catalog's default one. Experimental! Syntax: "USE CATALOG <name>;"
USE\t\tSets the current default database. Experimental! Syntax: "USE <name>;"
BEGIN STATEMENT SET\t\tBegins a statement set. Syntax: "BEGIN STATEMENT SET;"
END\t\tEnds a statement set. Syntax: "END;"

Hint: Make sure that a statement ends with ";" for finalizing (multi-line) statements.
You can also type any Flink SQL statement, see https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/overview/ for more details."""


_STATEMENTS = TypeDispatch()


class Session:
    """One user's session: its configuration, catalog and the statement set being built."""

    def __init__(self, conf: dict[str, str] | None = None) -> None:
        self.config = Configuration(conf)
        self.catalog = Catalog()
        self._statement_set: list[ast.Insert] | None = None
        self.jobs = executor.JobManager()

    # --- entry points --------------------------------------------------------------------------

    def execute_statement(self, text: str, *, line: int = 1, column: int = 1) -> Result:
        """Parse and run one statement; errors carry positions relative to the script. It runs
        where thousands of levels of nesting fit (flinklite.deep)."""
        return deep.call(self._execute_statement, text, line, column)

    def _execute_statement(self, text: str, line: int, column: int) -> Result:
        try:
            text = substitute(text, self.config.get, line=line, column=column)
            return self.execute(parse_statement(text, line=line, column=column))
        except FlinkliteError as e:
            if e.source is None and line == 1 and column == 1:
                e.with_source(text)
            raise

    def classify(self, text: str) -> str:
        text = substitute(text, self.config.get)
        return STATEMENT_KINDS.get(type(deep.call(parse_statement, text)), "OTHER")

    def describe(self) -> str:
        """Where statements run, for the shell's banner."""
        return "Flink SQL on one machine"

    def wait_for_jobs(self) -> list:
        """Blocks until every job this session started has ended; returns the failed ones."""
        return self.jobs.wait_all()

    def close(self) -> None:
        self.jobs.cancel_all()

    # --- names for completion (a remote session asks its gateway) ----------------------------

    def table_names(self) -> list[str]:
        return list(self.catalog.list_tables())

    def column_names(self, table: str) -> list[str] | None:
        """The columns of a table or view of the current database (any case), None if none."""
        catalog = self.catalog
        tables = self.table_names()
        if table not in tables:
            table = {t.lower(): t for t in tables}.get(table.lower(), table)
        obj = catalog.get(
            ObjectIdentifier(catalog.current_catalog, catalog.current_database, table)
        )
        return list(obj.schema.names) if obj is not None else None

    def function_names(self) -> list[str]:
        from flinklite.expr.functions import function_names

        return [*function_names(), *self.catalog.list_functions()]

    def binder(self) -> Binder:
        return Binder(self.catalog, self.config)

    def execute(self, stmt: ast.Statement) -> Result:
        if self._statement_set is not None and not isinstance(stmt, (ast.Insert, ast.End)):
            raise ValidationError(
                "Only 'INSERT/CREATE TABLE AS' statement is allowed in Statement Set or use 'END' "
                "statement to submit Statement Set.",
                pos=stmt.pos,
            )
        handler = _STATEMENTS.find(type(stmt))
        if handler is None:
            raise UnsupportedError(f"Unsupported statement: {type(stmt).__name__}", pos=stmt.pos)
        return handler(self, stmt)

    # --- DDL -----------------------------------------------------------------------------------

    @_STATEMENTS.register(ast.CreateTable)
    def _CreateTable(self, stmt: ast.CreateTable) -> Result:
        binder = self.binder()
        if stmt.as_query is not None:
            return self._create_table_as(stmt, binder)
        table = resolve_create_table(self.catalog, stmt, type_of=binder.type_expression)
        self._drop_replaced(stmt)
        self.catalog.create_table(table, ignore_if_exists=stmt.if_not_exists, pos=stmt.pos)
        return StatusResult(STATEMENT_OK)

    def _create_table_as(self, stmt: ast.CreateTable, binder: Binder) -> Result:
        table, _, planned = self._plan_create_table_as(stmt, binder)
        self._drop_replaced(stmt)
        self.catalog.create_table(table, ignore_if_exists=stmt.if_not_exists, pos=stmt.pos)
        return executor.submit_inserts([planned], self.config, self.jobs)

    def _drop_replaced(self, stmt: ast.CreateTable) -> None:
        """CREATE OR REPLACE / REPLACE TABLE: the table it replaces goes first (REPLACE needs
        one), once the new one has been resolved and its query planned."""
        if stmt.replace is None:
            return
        ident = self.catalog.qualify(stmt.name, stmt.pos)
        existing = self.catalog.get(ident)
        if existing is None:
            if stmt.replace == "REPLACE":
                raise ValidationError(
                    f"The table {ident.serializable()} to be replaced doesn't exist. You can try "
                    "to use CREATE TABLE AS statement or CREATE OR REPLACE TABLE AS statement.",
                    pos=stmt.pos,
                )
            return
        self.catalog.drop_table(
            ident, if_exists=True, temporary=existing.temporary, view=False, pos=stmt.pos
        )

    def _plan_create_table_as(
        self, stmt: ast.CreateTable, binder: Binder
    ) -> tuple[ResolvedTable, L.RelNode, Any]:
        """The table a CREATE TABLE .. AS makes, its bound query and its INSERT's plan (planned
        before the table is created, so a rejected query leaves no table behind)."""
        assert stmt.as_query is not None
        query = binder.bind_query(stmt.as_query)
        schema = schema_from_fields(
            [(f.name, f.type.without_time_attribute()) for f in query.fields]
        )
        ident = self.catalog.qualify(stmt.name, stmt.pos)
        table = ResolvedTable(
            ident,
            schema,
            {p.key: p.value for p in stmt.options},
            stmt.comment,
            stmt.partitioned_by,
            stmt,
            stmt.temporary,
        )
        validated = validate_connector(table, "sink")
        sink = L.Sink(
            query.fields,
            query,
            (ident.catalog, ident.database, ident.name),
            False,
            table,
            validated,
        )
        return table, query, plan_insert(sink, batch=executor.is_batch(self.config))

    @_STATEMENTS.register(ast.CreateView)
    def _CreateView(self, stmt: ast.CreateView) -> Result:
        rel = self.binder().bind_query(stmt.query)
        names = [f.name for f in rel.fields]
        if stmt.columns:
            if len(stmt.columns) != len(names):
                raise ValidationError(
                    f"VIEW definition and input fields not match:\n\tDef fields: {list(stmt.columns)}.\n"
                    f"\tInput fields: {names}.",
                    pos=stmt.pos,
                )
            names = list(stmt.columns)
        schema = schema_from_fields([(n, f.type) for n, f in zip(names, rel.fields, strict=True)])
        ident = self.catalog.qualify(stmt.name, stmt.pos)
        self.catalog.create_view(
            ident,
            stmt.query,
            stmt.columns,
            schema,
            comment=stmt.comment,
            temporary=stmt.temporary,
            ignore_if_exists=stmt.if_not_exists,
            pos=stmt.pos,
        )
        return StatusResult(STATEMENT_OK)

    @_STATEMENTS.register(ast.CreateFunction)
    def _CreateFunction(self, stmt: ast.CreateFunction) -> Result:
        self.catalog.create_function(
            stmt.name,
            stmt.class_name,
            language=stmt.language,
            jars=stmt.jars,
            temporary=stmt.temporary,
            system=stmt.system,
            if_not_exists=stmt.if_not_exists,
            pos=stmt.pos,
        )
        return StatusResult(STATEMENT_OK)

    @_STATEMENTS.register(ast.CreateCatalog)
    def _CreateCatalog(self, stmt: ast.CreateCatalog) -> Result:
        self.catalog.create_catalog(
            stmt.name,
            {p.key: p.value for p in stmt.options},
            if_not_exists=stmt.if_not_exists,
            pos=stmt.pos,
        )
        return StatusResult(STATEMENT_OK)

    @_STATEMENTS.register(ast.CreateDatabase)
    def _CreateDatabase(self, stmt: ast.CreateDatabase) -> Result:
        self.catalog.create_database(
            stmt.name,
            comment=stmt.comment,
            properties={p.key: p.value for p in stmt.options},
            if_not_exists=stmt.if_not_exists,
            pos=stmt.pos,
        )
        return StatusResult(STATEMENT_OK)

    @_STATEMENTS.register(ast.Drop)
    def _Drop(self, stmt: ast.Drop) -> Result:
        c = self.catalog
        if stmt.kind in ("TABLE", "VIEW"):
            c.drop_table(
                c.qualify(stmt.name, stmt.pos),
                if_exists=stmt.if_exists,
                temporary=stmt.temporary,
                view=stmt.kind == "VIEW",
                pos=stmt.pos,
            )
        elif stmt.kind == "FUNCTION":
            c.drop_function(
                stmt.name,
                temporary=stmt.temporary,
                system=stmt.system,
                if_exists=stmt.if_exists,
                pos=stmt.pos,
            )
        elif stmt.kind == "DATABASE":
            c.drop_database(
                stmt.name, if_exists=stmt.if_exists, cascade=bool(stmt.cascade), pos=stmt.pos
            )
        else:
            c.drop_catalog(stmt.name[-1], if_exists=stmt.if_exists, pos=stmt.pos)
        return StatusResult(STATEMENT_OK)

    @_STATEMENTS.register(ast.AlterFunction)
    def _AlterFunction(self, stmt: ast.AlterFunction) -> Result:
        if stmt.temporary:
            raise ValidationError("Alter temporary catalog function is not supported", pos=stmt.pos)
        raise UnsupportedError("ALTER FUNCTION is not supported by flinklite yet", pos=stmt.pos)

    @_STATEMENTS.register(ast.AlterTable)
    def _AlterTable(self, stmt: ast.AlterTable) -> Result:
        c = self.catalog
        ident = c.qualify(stmt.name, stmt.pos)
        if stmt.action == "RENAME":
            c.rename_table(ident, stmt.new_name, if_exists=stmt.if_exists, pos=stmt.pos)
        elif stmt.action == "SET":
            options = {p.key: p.value for p in stmt.options}
            c.set_options(ident, options, if_exists=stmt.if_exists, pos=stmt.pos)
        elif stmt.action == "RESET":
            c.reset_options(ident, stmt.keys, if_exists=stmt.if_exists, pos=stmt.pos)
        else:
            self._alter_schema(ident, stmt)
        return StatusResult(STATEMENT_OK)

    def _alter_schema(self, ident: ObjectIdentifier, stmt: ast.AlterTable) -> None:
        """ADD / MODIFY / DROP / RENAME column: the table resolved again from its changed DDL,
        so every rule of CREATE TABLE holds for the result."""
        if stmt.if_exists and self.catalog.get(ident) is None:
            return
        table = self.catalog.alter_target(ident, stmt.pos)
        create = replace(altered(table.source, stmt), name=stmt.name)
        new = resolve_create_table(self.catalog, create, type_of=self.binder().type_expression)
        self.catalog.replace_table(
            replace(new, identifier=table.identifier, options=table.options, temporary=False)
        )

    # --- queries and DML -----------------------------------------------------------------------

    @_STATEMENTS.register(ast.QueryStatement)
    def _QueryStatement(self, stmt: ast.QueryStatement) -> Result:
        rel = self.binder().bind_query(stmt.query)
        return executor.start_query(rel, self.config, self.jobs)

    @_STATEMENTS.register(ast.Insert)
    def _Insert(self, stmt: ast.Insert) -> Result:
        sink = self.binder().bind_insert(stmt)
        if self._statement_set is not None:
            self._statement_set.append(stmt)
            return StatusResult(STATEMENT_OK)
        return executor.start_inserts([sink], self.config, self.jobs)

    @_STATEMENTS.register(ast.StatementSet)
    def _StatementSet(self, stmt: ast.StatementSet) -> Result:
        binder = self.binder()
        sinks = [binder.bind_insert(insert) for insert in stmt.inserts]
        return executor.start_inserts(sinks, self.config, self.jobs)

    @_STATEMENTS.register(ast.BeginStatementSet)
    def _BeginStatementSet(self, stmt: ast.BeginStatementSet) -> Result:
        if self._statement_set is not None:
            raise ValidationError(
                "Only one statement set can be open at a time; END the current one first.",
                pos=stmt.pos,
            )
        self._statement_set = []
        return StatusResult(STATEMENT_OK)

    @_STATEMENTS.register(ast.End)
    def _End(self, stmt: ast.End) -> Result:
        if self._statement_set is None:
            raise ValidationError(
                "No Statement Set to submit. 'END' statement should be used after 'BEGIN STATEMENT SET'.",
                pos=stmt.pos,
            )
        inserts, self._statement_set = self._statement_set, None
        if not inserts:
            return StatusResult(STATEMENT_OK)
        return self._StatementSet(ast.StatementSet(tuple(inserts), pos=stmt.pos))

    @_STATEMENTS.register(ast.Explain)
    def _Explain(self, stmt: ast.Explain) -> Result:
        appendix = lambda sinks: executor.match_recognize_sections(sinks, self.config)  # noqa: E731
        return TextResult(explain(stmt, self.binder(), appendix))

    # --- portability (`flinklite check`) -------------------------------------------------------

    def portability(self, stmt: ast.Statement) -> list[Finding]:
        """What Flink 2.3 would not run as written in `stmt`. The statement takes effect as far
        as later statements depend on it (tables, SET, USE), but no job starts."""
        binder = self.binder()
        strict = self.config.get_bool("table.exec.sink.require-on-conflict")
        if isinstance(stmt, ast.CreateTable) and stmt.as_query is not None:
            table, query, planned = self._plan_create_table_as(stmt, binder)
            self.catalog.create_table(table, ignore_if_exists=stmt.if_not_exists, pos=stmt.pos)
            return plan_findings(
                [query], [planned], [stmt.pos], tables=False, require_on_conflict=strict
            )
        if isinstance(stmt, ast.Explain):
            stmt = stmt.statement
        if isinstance(stmt, ast.QueryStatement | ast.Insert | ast.StatementSet):
            plans, sinks, positions = plan_statement(stmt, binder)
            return plan_findings(plans, sinks, positions, tables=False, require_on_conflict=strict)
        if isinstance(stmt, ast.BeginStatementSet | ast.End | ast.StopJob | ast.ClientCommand):
            return []  # a statement set's INSERTs are checked one by one; jobs are not run
        self.execute(stmt)
        if isinstance(stmt, ast.CreateTable):
            created = self.catalog.get(self.catalog.qualify(stmt.name, stmt.pos))
            if not isinstance(created, ResolvedTable):
                return []
            factory = get_connector(created.options.get("connector", ""))
            found = table_finding(created, factory, stmt.name[-1]) if factory else None
            return [found] if found is not None else []
        return []

    # --- SHOW, DESCRIBE, SET, USE, client commands ---------------------------------------------

    @_STATEMENTS.register(ast.Show)
    def _Show(self, stmt: ast.Show) -> Result:
        c = self.catalog
        what = stmt.what
        kw = {"like": stmt.like, "not_like": stmt.not_like} if stmt.like is not None else {}
        if what in ("CREATE TABLE", "CREATE VIEW"):
            obj = c.show_create_target(stmt.name, what.split()[1], stmt.pos)
            return TextResult(D.show_create(obj, self.config.get_bool("flinklite.show-secrets")))
        if what == "TABLES":
            rows = D.show_tables(c.list_tables(), **kw)
        elif what == "VIEWS":
            rows = D.show_views(c.list_views(), **kw)
        elif what in ("FUNCTIONS", "USER FUNCTIONS"):
            from flinklite.expr.functions import function_names

            builtins = [] if what == "USER FUNCTIONS" else [n.lower() for n in function_names()]
            rows = D.show_functions(c.list_functions(), builtins, **kw)
        elif what == "CATALOGS":
            rows = D.show_catalogs(c.list_catalogs(), **kw)
        elif what == "DATABASES":
            rows = D.show_databases(c.list_databases(), **kw)
        elif what == "CURRENT CATALOG":
            rows = D.show_current("catalog", c.current_catalog)
        elif what == "CURRENT DATABASE":
            rows = D.show_current("database", c.current_database)
        elif what in ("COLUMNS", "COLUMNS FROM", "COLUMNS IN"):
            rows = _describe_rows(c.describe_target(stmt.name, stmt.pos), **kw)
        elif what == "JOBS":
            return _table(*self.jobs.table())
        elif what in ("MODULES", "FULL MODULES"):
            header = ("module name",) if what == "MODULES" else ("module name", "used")
            return _table(header, [("core",)] if what == "MODULES" else [("core", True)])
        elif what == "JARS":
            return _table(("jars",), [])
        else:
            raise UnsupportedError(f"SHOW {what} is not supported", pos=stmt.pos)
        return TableResult(tuple(rows.columns), tuple(rows.types), list(rows.rows))

    @_STATEMENTS.register(ast.Describe)
    def _Describe(self, stmt: ast.Describe) -> Result:
        rows = _describe_rows(self.catalog.describe_target(stmt.name, stmt.pos))
        return TableResult(tuple(rows.columns), tuple(rows.types), list(rows.rows))

    @_STATEMENTS.register(ast.Set)
    def _Set(self, stmt: ast.Set) -> Result:
        if stmt.key is None:
            return _table(("key", "value"), self.config.items())
        warning = self.config.set(stmt.key, stmt.value or "", stmt.pos)
        return StatusResult(warning, "WARNING") if warning else StatusResult(STATEMENT_OK)

    @_STATEMENTS.register(ast.Reset)
    def _Reset(self, stmt: ast.Reset) -> Result:
        self.config.reset(stmt.key)
        if stmt.key is None:
            return StatusResult(ALL_PROPERTIES_RESET)
        return StatusResult(PROPERTY_RESET)

    @_STATEMENTS.register(ast.Use)
    def _Use(self, stmt: ast.Use) -> Result:
        if stmt.catalog:
            self.catalog.use_catalog(stmt.name[-1], stmt.pos)
        else:
            self.catalog.use_database(stmt.name, stmt.pos)
        return StatusResult(STATEMENT_OK)

    @_STATEMENTS.register(ast.StopJob)
    def _StopJob(self, stmt: ast.StopJob) -> Result:
        if not stmt.with_savepoint:
            executor.stop_job(self.jobs, stmt.job_id, stmt.pos)
            return StatusResult(STATEMENT_OK)
        directory = self.config.get("execution.checkpointing.savepoint-dir")
        if not directory:
            raise ValidationError(
                f"Could not stop job {stmt.job_id} with a savepoint: no savepoint directory is "
                "configured; SET 'execution.checkpointing.savepoint-dir' (or Flink's older "
                "'state.savepoints.dir').",
                pos=stmt.pos,
            )
        path = executor.stop_job(
            self.jobs, stmt.job_id, stmt.pos, savepoint_dir=directory, drain=stmt.with_drain
        )
        return _table(("savepoint path",), [(path,)])

    @_STATEMENTS.register(ast.ClientCommand)
    def _ClientCommand(self, stmt: ast.ClientCommand) -> Result:
        command = stmt.command.upper()
        if command == "HELP":
            return HelpResult(HELP_TEXT)
        if command == "CLEAR":
            return ClearResult()
        return QuitResult()


def _table(header: tuple[str, ...], rows: list) -> TableResult:
    return TableResult(tuple(header), tuple(string() for _ in header), list(rows))


def _describe_rows(obj: object, **kw: object):  # noqa: ANN202
    if getattr(obj, "kind", "") == "VIEW":
        return D.describe_view(obj, **kw)  # type: ignore[arg-type]
    return D.describe(obj.schema, **kw)  # type: ignore[attr-defined]
