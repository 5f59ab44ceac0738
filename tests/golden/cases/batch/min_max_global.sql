-- Batch mode: global MIN, MAX and COUNT DISTINCT.
-- compare: raw

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

SELECT MIN(purchase_time) AS first_sale, MAX(purchase_time) AS last_sale, COUNT(DISTINCT user_id) AS users
FROM SalesRecordTable;
