-- AVG over INT and BIGINT truncates toward zero; over DOUBLE and DECIMAL it does not.
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

SELECT user_id,
       AVG(CAST(quantity AS INT)) AS avg_int,
       AVG(CAST(quantity AS BIGINT)) AS avg_bigint,
       AVG(CAST(quantity AS DOUBLE)) AS avg_double,
       AVG(CAST(quantity AS DECIMAL(10, 2))) AS avg_decimal
FROM SalesRecordTable
GROUP BY user_id;
