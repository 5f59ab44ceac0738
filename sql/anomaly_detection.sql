-- The StreamsHub anomaly-detection tutorial on flinklite's built-in sales generator.
--
-- SalesRecordTable is the tutorial's table with its Kafka options swapped for the
-- 'flinklite-generator' connector (a flinklite extension producing the StreamsHub sales
-- stream in-process). The simulated clock makes event time advance one second per batch of
-- 100 sales as fast as the engine reads them; 'number-of-rows' bounds the run (one simulated
-- minute) so the script ends. Every query below is the tutorial's, unchanged: the per-user
-- GROUP BY, the join against the per-user average, and the MATCH_RECOGNIZE that finds the
-- unusual sales.
-- Run it with:  flinklite -f sql/anomaly_detection.sql

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
    'seed' = '42',
    'number-of-rows' = '6000'
);

-- Count and average quantity per user (AVG over INT is an INT): an updating result.
SELECT
     user_id,
     COUNT(user_id) AS total_sales_count,
     AVG(CAST(quantity AS INT)) AS avg_quantity
FROM SalesRecordTable
GROUP BY user_id;

-- Each sale against its user's running average: the sales more than three times it.
SELECT sales.*, user_average.avg_quantity
FROM SalesRecordTable sales
JOIN (
       SELECT
           user_id,
           AVG(CAST(quantity AS INT)) AS avg_quantity
       FROM SalesRecordTable
       GROUP BY user_id
    ) user_average
ON sales.user_id = user_average.user_id
WHERE sales.quantity > (user_average.avg_quantity * 3);

-- The anomaly detection itself: per user, a run of typical sales followed by one more than
-- three times their average quantity, within 10 seconds (MATCH_RECOGNIZE).
SELECT *
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
);
