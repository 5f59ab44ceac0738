-- GROUP BY an expression of a column.
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

SELECT MOD(CAST(quantity AS INT), 2) AS parity, COUNT(*) AS n, SUM(CAST(quantity AS INT)) AS total
FROM SalesRecordTable
GROUP BY MOD(CAST(quantity AS INT), 2);
