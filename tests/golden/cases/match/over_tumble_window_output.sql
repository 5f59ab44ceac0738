-- MATCH_RECOGNIZE over a TUMBLE window aggregate, ordered by its window_time.
-- compare: raw

CREATE TABLE SalesRecordTable (
  invoice_id STRING,
  user_id STRING,
  product_id STRING,
  quantity STRING,
  unit_cost STRING,
  purchase_time TIMESTAMP(3),
  WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/match_sales.csv',
  'format' = 'csv'
);

CREATE TEMPORARY VIEW Totals AS
SELECT window_start, window_end, window_time, COUNT(*) AS sales,
  SUM(CAST(quantity AS INT)) AS total
FROM TABLE(TUMBLE(TABLE SalesRecordTable, DESCRIPTOR(purchase_time), INTERVAL '2' SECOND))
GROUP BY window_start, window_end, window_time;

SELECT *
FROM Totals
MATCH_RECOGNIZE (
  ORDER BY window_time
  MEASURES
    LOW.window_start AS low_start,
    LOW.total AS low_total,
    HIGH.window_start AS high_start,
    HIGH.total AS high_total
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (LOW HIGH)
  DEFINE
    HIGH AS HIGH.total > 2 * LOW.total
);
