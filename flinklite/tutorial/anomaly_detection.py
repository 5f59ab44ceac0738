"""The anomaly-detection walkthrough: its steps (what each explains, its SQL, how its result is
shown and which picture follows), after the StreamsHub tutorial's scenario, in flinklite's words.

The tables differ by where the sales come from: the built-in generator (embedded, the default)
or a real broker and registry, the tutorial's tables with only the hosts changed."""

from __future__ import annotations

from dataclasses import dataclass

TITLE = "Anomaly detection with MATCH_RECOGNIZE"
SUMMARY = "find unusual sales in a stream of purchases: GROUP BY, a join, then MATCH_RECOGNIZE"

# One simulated minute of the StreamsHub sales stream: 100 sales a second for ~100 users.
EMBEDDED_ROWS = 6000

_COLUMNS = """    invoice_id STRING,
    user_id STRING,
    product_id STRING,
    quantity STRING,
    unit_cost STRING,
    `purchase_time` TIMESTAMP(3) METADATA FROM 'timestamp',
    WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND"""

EMBEDDED_SALES = f"""CREATE TABLE SalesRecordTable (
{_COLUMNS}
) WITH (
    'connector' = 'flinklite-generator',
    'data' = 'sales',
    'clock' = 'simulated',
    'start-time' = '2025-01-01 00:00:00',
    'seed' = '42',
    'number-of-rows' = '{EMBEDDED_ROWS}'
)"""

KAFKA_SALES = f"""CREATE TABLE SalesRecordTable (
{_COLUMNS}
) WITH (
    'connector' = 'kafka',
    'topic' = 'flink.sales.records',
    'properties.bootstrap.servers' = '{{bootstrap}}',
    'properties.group.id' = 'sales-record-group',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = '{{registry}}',
    'scan.startup.mode' = 'latest-offset'
)"""

_SINK_COLUMNS = """    user_id STRING,
    unusual_invoice_id STRING,
    unusual_quantity INT,
    unusual_tstamp TIMESTAMP(3),
    avg_quantity INT,
    avg_first_sale_tstamp TIMESTAMP(3),
    avg_last_sale_tstamp TIMESTAMP(3),
    PRIMARY KEY (`user_id`) NOT ENFORCED"""

# Embedded, the unusual sales go to Flink's print connector, which takes upserts as the
# tutorial's upsert-kafka table does and shows them at once.
EMBEDDED_SINK = f"""CREATE TABLE UnusualSalesRecordTable (
{_SINK_COLUMNS}
) WITH (
    'connector' = 'print',
    'print-identifier' = 'unusual'
)"""

KAFKA_SINK = f"""CREATE TABLE UnusualSalesRecordTable (
{_SINK_COLUMNS}
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = 'flink.unusual.sales.records.interactive',
    'properties.bootstrap.servers' = '{{bootstrap}}',
    'properties.client.id' = 'sql-cleaning-client',
    'properties.transaction.timeout.ms' = '800000',
    'key.format' = 'csv',
    'value.format' = 'csv',
    'value.fields-include' = 'ALL'
)"""

THE_PATTERN = """SELECT *
FROM SalesRecordTable
MATCH_RECOGNIZE (
    PARTITION BY user_id
    ORDER BY purchase_time
    MEASURES
        UNUSUAL_SALE.invoice_id AS unusual_invoice_id,
        CAST(UNUSUAL_SALE.quantity AS INT) AS unusual_quantity,
        UNUSUAL_SALE.purchase_time AS unusual_tstamp,
        AVG(CAST(TYPICAL_SALE.quantity AS INT)) AS avg_quantity,
        FIRST(TYPICAL_SALE.purchase_time) AS avg_first_sale_tstamp,
        LAST(TYPICAL_SALE.purchase_time) AS avg_last_sale_tstamp
    ONE ROW PER MATCH
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (TYPICAL_SALE+? UNUSUAL_SALE) WITHIN INTERVAL '10' SECOND
    DEFINE
        UNUSUAL_SALE AS
            UNUSUAL_SALE.quantity > AVG(CAST(TYPICAL_SALE.quantity AS INT)) * 3
)"""

# The same pattern, every row of each match with the variable it was mapped to: CLASSIFIER()
# and ALL ROWS PER MATCH are SQL-standard features flinklite runs beyond Flink.
ROWS_PER_VARIABLE = """SELECT user_id, purchase_time, quantity, var, match_no
FROM SalesRecordTable
MATCH_RECOGNIZE (
    PARTITION BY user_id
    ORDER BY purchase_time
    MEASURES
        CLASSIFIER() AS var,
        MATCH_NUMBER() AS match_no
    ALL ROWS PER MATCH
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (TYPICAL_SALE+? UNUSUAL_SALE) WITHIN INTERVAL '10' SECOND
    DEFINE
        UNUSUAL_SALE AS
            UNUSUAL_SALE.quantity > AVG(CAST(TYPICAL_SALE.quantity AS INT)) * 3
)
WHERE user_id = '{user}'"""

USER_SALES = """SELECT purchase_time, CAST(quantity AS INT) AS quantity
FROM SalesRecordTable
WHERE user_id = '{user}'"""


@dataclass(frozen=True, slots=True)
class Step:
    """One step: `text` explains (paragraphs, `code` in backticks); `sql` runs (`__SALES__` and
    `__SINK__` name the tables, which depend on where the sales come from). A query's changelog
    is shown as it arrives, and with `final` its folded rows too; `picture` names a picture
    drawn from the result; `kafka_note` replaces the last paragraph on a real broker."""

    title: str
    text: tuple[str, ...]
    sql: str
    final: bool = False
    picture: str | None = None
    kafka_note: str | None = None


STEPS: tuple[Step, ...] = (
    Step(
        "The sales stream",
        (
            "An online shop writes every purchase to a Kafka topic, `flink.sales.records`, as "
            "an Avro record: invoice, user, product, quantity and unit cost, all strings. We "
            "want to spot the unusual ones while they happen.",
            "A table over the stream says what the records hold. `purchase_time` is not in the "
            "record: it is the Kafka record's own timestamp (`METADATA FROM 'timestamp'`). The "
            "WATERMARK tells the engine that sales arrive at most one second out of order, so it "
            "can decide when a moment in event time is complete.",
            "Here the built-in `flinklite-generator` stands in for the tutorial's Kubernetes "
            "set-up (Strimzi's Kafka, the StreamsHub data generator and Apicurio Registry, "
            "deployed with kubectl): it produces the same sales, one simulated minute of them, "
            "in-process. The SQL client the tutorial starts with podman is flinklite itself.",
        ),
        "__SALES__",
        kafka_note="The sales come from your broker: `flinklite datagen` writes them to "
        "`flink.sales.records` as the StreamsHub generator does, Avro through `flinklite "
        "registry`. These stand in for the tutorial's kubectl deployments and its podman "
        "SQL client.",
    ),
    Step(
        "A first look",
        (
            "A plain SELECT shows the records as they arrive. Every row is an insertion "
            "(`+I`): the stream only grows.",
        ),
        "SELECT * FROM SalesRecordTable",
        picture="quantities",
    ),
    Step(
        "Sales per user: GROUP BY and its changelog",
        (
            "Counting sales per user gives a result that changes: each new sale retracts the "
            "user's old count (`-U`, update before) and adds the new one (`+U`, update after). "
            "This changelog is how Flink streams a result that is never final.",
        ),
        """SELECT
     user_id,
     COUNT(user_id) AS total_sales_count
FROM SalesRecordTable
GROUP BY user_id""",
        final=True,
    ),
    Step(
        "The average quantity per user",
        (
            "Users order 1 to 3 items most of the time, so the average sits at 2, or 1: "
            "`AVG` of an INT is an INT in Flink, the fraction dropped.",
        ),
        """SELECT
     user_id,
     COUNT(user_id) AS total_sales_count,
     AVG(CAST(quantity AS INT)) AS avg_quantity
FROM SalesRecordTable
GROUP BY user_id""",
        final=True,
    ),
    Step(
        "A naive threshold",
        (
            "Now and then a sale of 10 to 30 items appears. The simplest rule calls anything "
            "above 3 unusual. `quantity` is a STRING: Flink casts it to a number to compare it "
            "with 3, so the query runs as written.",
            "It finds every large sale, but a user who always buys in bulk would raise an alarm "
            "with each purchase: the threshold should depend on the user.",
        ),
        """SELECT *
FROM SalesRecordTable
WHERE quantity > 3""",
    ),
    Step(
        "Against each user's average: a join",
        (
            "Joining each sale with its user's average quantity flags the sales above three "
            "times it. It looks right, but it misleads: the average includes the unusual sales "
            "themselves, it covers all of a user's history (state that grows forever), and a "
            "sale is compared with an average that keeps changing after it, so a row emitted "
            "earlier can be retracted later.",
        ),
        """SELECT sales.*, user_average.avg_quantity
FROM SalesRecordTable sales
JOIN (
       SELECT
           user_id,
           AVG(CAST(quantity AS INT)) AS avg_quantity
       FROM SalesRecordTable
       GROUP BY user_id
    ) user_average
ON sales.user_id = user_average.user_id
WHERE sales.quantity > (user_average.avg_quantity * 3)""",
        picture="running_average",
    ),
    Step(
        "MATCH_RECOGNIZE: one unusual sale",
        (
            "`MATCH_RECOGNIZE` finds patterns in rows ordered by time. `DEFINE` says what a "
            "pattern variable's row must satisfy (like WHERE), `MEASURES` what a match outputs "
            "(like SELECT), `PATTERN` how variables follow each other. With one variable this "
            "is the naive filter again, but in event-time order.",
        ),
        """SELECT *
FROM SalesRecordTable
MATCH_RECOGNIZE (
    ORDER BY purchase_time
    MEASURES
        UNUSUAL_SALE.quantity AS unusual_quantity,
        UNUSUAL_SALE.purchase_time AS unusual_tstamp
    PATTERN (UNUSUAL_SALE)
    DEFINE
        UNUSUAL_SALE AS
            CAST(UNUSUAL_SALE.quantity AS INT) > 3
)""",
    ),
    Step(
        "FIRST and LAST: two sales in a row",
        (
            "A quantifier lets one variable take several rows: `UNUSUAL_SALE{2}` is two sales "
            "of 2 items one right after the other (a double order?). `FIRST` and `LAST` "
            "navigate the rows a variable took.",
        ),
        """SELECT *
FROM SalesRecordTable
MATCH_RECOGNIZE (
    ORDER BY purchase_time
    MEASURES
        FIRST(UNUSUAL_SALE.quantity) AS first_unusual_quantity,
        FIRST(UNUSUAL_SALE.purchase_time) AS first_unusual_tstamp,
        LAST(UNUSUAL_SALE.quantity) AS last_unusual_quantity,
        LAST(UNUSUAL_SALE.purchase_time) AS last_unusual_tstamp
    PATTERN (UNUSUAL_SALE{2})
    DEFINE
        UNUSUAL_SALE AS
            CAST(UNUSUAL_SALE.quantity AS INT) = 2
)""",
    ),
    Step(
        "The useful pattern",
        (
            "Per user (`PARTITION BY user_id`), some typical sales then one more than three "
            "times their average: `TYPICAL_SALE+?` is reluctant, it takes as few rows as it "
            "can, so the match ends at the first unusual sale. `WITHIN INTERVAL '10' SECOND` "
            "keeps only recent sales in the average and bounds the state; `AFTER MATCH SKIP "
            "PAST LAST ROW` starts afresh after a match, so an unusual sale never skews the "
            "next average.",
            "A match is emitted once the watermark passes its last row: results are final, "
            "never retracted (`+I` only).",
        ),
        THE_PATTERN,
        picture="timeline",
    ),
    Step(
        "The upsert sink",
        (
            "To keep the unusual sales, the tutorial writes them to an upsert-kafka table: "
            "keyed by user, each new match replaces the user's previous one, and a compacted "
            "topic keeps the latest per user.",
            "Embedded, Flink's `print` connector stands in for it: it takes the same upserts "
            "and prints them.",
        ),
        "__SINK__",
        kafka_note="The table writes to the topic `flink.unusual.sales.records.interactive` "
        "on your broker, CSV keyed by user, as the tutorial's does.",
    ),
    Step(
        "The job on its own",
        (
            "`INSERT INTO` turns the query into a job that runs without us: the client returns "
            "its id at once (`SHOW JOBS` lists it, `STOP JOB` ends it) and the matches flow "
            "into the sink.",
        ),
        "INSERT INTO UnusualSalesRecordTable\n" + THE_PATTERN,
        kafka_note="Watch the topic from another terminal with `flinklite topic tail "
        "flink.unusual.sales.records.interactive --key --from-beginning`.",
    ),
)
