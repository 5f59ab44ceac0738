-- A misspelt column is rejected.
-- error: Column 'user_idd' not found in any table
-- flink: org.apache.calcite.sql.validate.SqlValidatorException: Column 'user_idd' not found in any table

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

SELECT user_idd FROM SalesRecordTable;
