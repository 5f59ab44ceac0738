-- An OVER aggregate partitioned by an expression.
-- compare: raw

CREATE TABLE Orders (
  order_id INT,
  customer_id INT,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/orders.csv',
  'format' = 'csv'
);

SELECT order_id, SUM(amount) OVER (
  PARTITION BY MOD(customer_id, 2) ORDER BY order_time ROWS BETWEEN 1 PRECEDING AND CURRENT ROW
) AS pair_total
FROM Orders;
