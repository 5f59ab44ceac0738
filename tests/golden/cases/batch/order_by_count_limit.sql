-- Batch mode: ORDER BY an aggregate with LIMIT.
-- compare: raw

SET 'execution.runtime-mode' = 'batch';

CREATE TABLE Sales (
  invoice_id STRING,
  user_id STRING,
  product_id STRING,
  quantity STRING,
  unit_cost STRING,
  purchase_time TIMESTAMP(3),
  WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/sales_small.csv',
  'format' = 'csv'
);

SELECT user_id, COUNT(*) AS c FROM Sales GROUP BY user_id ORDER BY c DESC, user_id LIMIT 5;
