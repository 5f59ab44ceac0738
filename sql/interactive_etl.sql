-- The StreamsHub interactive-ETL tutorial on flinklite's built-in sales generator.
--
-- SalesRecordTable is the tutorial's table with its Kafka options swapped for the
-- 'flinklite-generator' connector (ten simulated seconds of the StreamsHub sales, seeded). The
-- queries and the cleaning view are the tutorial's, unchanged; the job writes the cleaned
-- records to Flink's print connector, which takes the upserts the tutorial's upsert-kafka
-- table takes. The tutorial's deliberately failing query (`unit_cost > 500` casts '£684' to a
-- number) is left out: it fails the job, as on Flink, and would end the script there.
-- Run it with:  flinklite -f sql/interactive_etl.sql

SET 'sql-client.execution.result-mode' = 'tableau';

CREATE TABLE SalesRecordTable (
    invoice_id STRING,
    user_id STRING,
    product_id STRING,
    quantity STRING,
    unit_cost STRING,
    `purchase_time` TIMESTAMP(3) METADATA FROM 'timestamp',
    WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
    'connector' = 'flinklite-generator',
    'data' = 'sales',
    'clock' = 'simulated',
    'start-time' = '2025-01-01 00:00:00',
    'seed' = '11',
    'number-of-rows' = '1000'
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
    'connector' = 'print',
    'print-identifier' = 'cleaned'
);

-- Users who buy 3 or more items (STRING quantity compared with an INT).
SELECT
    DISTINCT(user_id),
    quantity
FROM SalesRecordTable
WHERE quantity >= 3;

-- The fix for the failing query: strip the currency sign in a subquery.
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
SELECT
    DISTINCT(product_id),
    unit_cost_gbp,
    quantity
FROM CleanedSalesRecords
WHERE
    quantity >= 3 AND unit_cost_gbp > 500;

-- The job itself: persist the cleaned records (the print connector stands in for the sink).
INSERT INTO CleanedSalesRecordTable
SELECT
    invoice_id,
    user_id,
    product_id,
    CAST(quantity AS INT),
    CAST(TRIM(LEADING '£' from unit_cost) AS INT),
    purchase_time
FROM SalesRecordTable;
