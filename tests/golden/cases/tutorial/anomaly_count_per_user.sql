-- Anomaly detection A3: sales count per user, an updating result.
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

SELECT
     user_id,
     COUNT(user_id) AS total_sales_count
FROM SalesRecordTable
GROUP BY user_id;
