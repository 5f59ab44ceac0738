-- Oracle example (a): COUNT and AVG per user over sales_small.csv.
-- compare: raw

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

SELECT user_id, COUNT(user_id), AVG(CAST(quantity AS INT))
FROM Sales
GROUP BY user_id;
