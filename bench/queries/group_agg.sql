-- The tutorial's group aggregate: sales count and average quantity per user.
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

CREATE TABLE SalesPerUser (
  user_id           STRING,
  total_sales_count BIGINT,
  avg_quantity      INT
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO SalesPerUser
SELECT user_id, COUNT(user_id) AS total_sales_count, AVG(CAST(quantity AS INT)) AS avg_quantity
FROM Sales
GROUP BY user_id;
