-- '=' between STRING and INT is rejected at planning.
-- error: implicit type conversion between VARCHAR and INTEGER is not supported
-- flink: org.apache.flink.table.api.ValidationException: implicit type conversion between VARCHAR and INTEGER is not supported now

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

SELECT * FROM SalesRecordTable WHERE quantity = 3;
