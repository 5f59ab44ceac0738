-- A join of two updating aggregates: retractions arrive on both sides.
-- compare: fold

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

CREATE TABLE ClickStreamTable (
  user_id STRING,
  product_id STRING,
  event_time TIMESTAMP(3),
  WATERMARK FOR event_time AS event_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/clicks.csv',
  'format' = 'csv'
);

SELECT s.user_id, s.sales, c.clicks
FROM (SELECT user_id, COUNT(*) AS sales FROM SalesRecordTable GROUP BY user_id) s
JOIN (SELECT user_id, COUNT(*) AS clicks FROM ClickStreamTable GROUP BY user_id) c
ON s.user_id = c.user_id;
