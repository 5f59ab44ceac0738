-- GROUPING() of a column that is not grouped.
-- error: must be a grouped expression
-- flink: org.apache.calcite.sql.validate.SqlValidatorException: Argument to GROUPING operator must be a grouped expression

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

SELECT customer_id, GROUPING(amount) FROM Orders GROUP BY ROLLUP (customer_id);
