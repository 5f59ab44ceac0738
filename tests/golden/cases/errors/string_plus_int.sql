-- '+' between STRING and INT is rejected at planning.
-- error: Cannot apply '+'
-- flink: org.apache.calcite.sql.validate.SqlValidatorException: Cannot apply '+' to arguments of type '<VARCHAR(2147483647)> + <INTEGER>'. Supported form(s): '<NUMERIC> + <NUMERIC>'

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

SELECT quantity + 1 FROM SalesRecordTable;
