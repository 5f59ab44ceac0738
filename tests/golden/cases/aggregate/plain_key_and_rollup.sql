-- A plain key next to ROLLUP: the key is in every grouping set.
-- compare: raw

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

SELECT customer_id, order_id > 104 AS late, SUM(amount) AS total
FROM Orders
GROUP BY customer_id, ROLLUP (order_id > 104);
