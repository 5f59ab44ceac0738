-- HAVING with aggregates of its own (a SUM and a COUNT not in the SELECT list).
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
  'path' = '${SCRIPT_DIR}/../../data/tutorial_sales.csv',
  'format' = 'csv'
);

SELECT user_id, MAX(CAST(quantity AS INT)) AS biggest
FROM SalesRecordTable
GROUP BY user_id
HAVING SUM(CAST(quantity AS INT)) > 6 AND COUNT(*) >= 3;
