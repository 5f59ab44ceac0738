-- The anomaly-detection tutorial's MATCH_RECOGNIZE: per user, a run of typical sales followed
-- by one more than three times their average quantity, within 10 seconds. It runs on the
-- uniform sales data and on the StreamsHub distribution (100 users, 100 sales a second, so
-- about ten sales per user fall inside each 10-second window and runs overlap most).
-- bench-data: sales, streamshub
-- ${DATA_FILE} is the generated sales CSV (bench/run.py fills it in).
CREATE TABLE Sales (
  invoice_id    STRING,
  user_id       STRING,
  product_id    STRING,
  quantity      STRING,
  unit_cost     STRING,
  purchase_time TIMESTAMP(3),
  WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path'      = '${DATA_FILE}',
  'format'    = 'csv'
);

CREATE TABLE UnusualSales (
  user_id               STRING,
  unusual_invoice_id    STRING,
  unusual_quantity      INT,
  unusual_tstamp        TIMESTAMP(3),
  avg_quantity          INT,
  avg_first_sale_tstamp TIMESTAMP(3),
  avg_last_sale_tstamp  TIMESTAMP(3)
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO UnusualSales
SELECT *
FROM Sales
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
