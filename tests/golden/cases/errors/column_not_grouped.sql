-- A selected column that is neither grouped nor aggregated is rejected.
-- error: Expression 'quantity' is not being grouped
-- flink: org.apache.calcite.sql.validate.SqlValidatorException: Expression 'quantity' is not being grouped

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

SELECT user_id, quantity, COUNT(*) FROM SalesRecordTable GROUP BY user_id;
