-- Oracle example (b): STRING quantity compared with an INT literal.
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

SELECT * FROM Sales WHERE quantity > 3;
