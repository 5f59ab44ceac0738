-- Batch mode: a GROUP BY emits only final rows.
-- compare: multiset

SET 'execution.runtime-mode' = 'batch';

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

SELECT user_id, COUNT(*) AS n, AVG(CAST(quantity AS INT)) AS avg_quantity
FROM SalesRecordTable
GROUP BY user_id;
