-- WITH: a CTE cannot read one defined after it.
-- error: Object 'later' not found
-- flink: org.apache.calcite.sql.validate.SqlValidatorException: Object 'later' not found

CREATE TABLE Orders (
  order_id INT,
  customer_id INT,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3)
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/orders.csv',
  'format' = 'csv'
);

WITH earlier AS (SELECT order_id FROM later),
     later AS (SELECT order_id FROM Orders)
SELECT * FROM earlier;
