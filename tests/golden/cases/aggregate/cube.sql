-- CUBE over two keys: every subset, the largest first.
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

SELECT customer_id, amount > 20 AS big, MAX(amount) AS top
FROM Orders
GROUP BY CUBE (customer_id, amount > 20);
