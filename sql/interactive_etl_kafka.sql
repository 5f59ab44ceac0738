-- The StreamsHub interactive-ETL tutorial as one flinklite script.
--
-- Creates the tutorial's Kafka source (SalesRecordTable), the view that cleans the `£`-prefixed
-- unit cost (CleanedSalesRecords) and the upsert-kafka sink (CleanedSalesRecordTable) exactly as
-- the tutorial writes them, then EXPLAINs its exploratory queries and the INSERT that persists
-- the cleaned records. Creating a table never connects to Kafka or the schema registry, so this
-- script runs without a broker. Run it with:  flinklite -f sql/interactive_etl_kafka.sql

CREATE TABLE SalesRecordTable (
    invoice_id STRING,
    user_id STRING,
    product_id STRING,
    quantity STRING,
    unit_cost STRING,
    `purchase_time` TIMESTAMP(3) METADATA FROM 'timestamp',
    WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
    'connector' = 'kafka',
    'topic' = 'flink.sales.records',
    'properties.bootstrap.servers' = 'my-cluster-kafka-bootstrap.flink.svc:9092',
    'properties.group.id' = 'sales-record-group',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = 'http://apicurio-registry-service.flink.svc:8080/apis/ccompat/v6',
    'scan.startup.mode' = 'latest-offset'
);

CREATE TEMPORARY VIEW CleanedSalesRecords (
    invoice_id,
    user_id,
    product_id,
    quantity,
    unit_cost_gbp,
    purchase_time
) AS (
    SELECT
        invoice_id,
        user_id,
        product_id,
        CAST(quantity AS INT),
        CAST(TRIM(LEADING '£' from unit_cost) AS INT),
        purchase_time
    FROM SalesRecordTable
);

CREATE TABLE CleanedSalesRecordTable (
    invoice_id STRING,
    user_id STRING,
    product_id STRING,
    quantity INT,
    unit_cost_gbp INT,
    purchase_time TIMESTAMP(3),
    PRIMARY KEY (`user_id`) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = 'flink.cleaned.sales.records.interactive',
    'properties.bootstrap.servers' = 'my-cluster-kafka-bootstrap.flink.svc:9092',
    'properties.client.id' = 'sql-cleaning-client',
    'properties.transaction.timeout.ms' = '800000',
    'key.format' = 'csv',
    'value.format' = 'csv',
    'value.fields-include' = 'ALL'
);

-- Users who buy 3 or more items (STRING quantity compared with an INT).
EXPLAIN
SELECT
    DISTINCT(user_id),
    quantity
FROM SalesRecordTable
WHERE quantity >= 3;

-- The tutorial's deliberately failing query: running it casts '£684' to a number and fails.
EXPLAIN
SELECT
    DISTINCT(product_id),
    unit_cost,
    quantity
FROM SalesRecordTable
WHERE
    quantity >= 3 AND unit_cost > 500;

-- The fix: strip the currency sign in a subquery.
EXPLAIN
SELECT
    DISTINCT(product_id), cost_gbp, quantity
FROM (
    SELECT
        product_id,
        CAST(TRIM(LEADING '£' from unit_cost) AS INT) AS cost_gbp,
        quantity
    FROM SalesRecordTable
)
WHERE quantity >= 3 AND cost_gbp > 500;

-- The same question asked of the cleaning view.
EXPLAIN
SELECT
    DISTINCT(product_id),
    unit_cost_gbp,
    quantity
FROM CleanedSalesRecords
WHERE
    quantity >= 3 AND unit_cost_gbp > 500;

-- The job itself: persist the cleaned records to the upsert-kafka sink.
EXPLAIN
INSERT INTO CleanedSalesRecordTable
SELECT
    invoice_id,
    user_id,
    product_id,
    CAST(quantity AS INT),
    CAST(TRIM(LEADING '£' from unit_cost) AS INT),
    purchase_time
FROM SalesRecordTable;
