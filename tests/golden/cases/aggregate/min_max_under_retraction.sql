-- MIN and MAX over an updating input (per-user counts): retractions move the extremes.
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

SELECT MIN(cnt) AS min_cnt, MAX(cnt) AS max_cnt, COUNT(*) AS users
FROM (SELECT user_id, COUNT(*) AS cnt FROM SalesRecordTable GROUP BY user_id);
