-- HAVING on an updating count: rows appear once the count crosses the threshold.
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

SELECT user_id, COUNT(*) AS sales
FROM SalesRecordTable
GROUP BY user_id
HAVING COUNT(*) >= 8;
