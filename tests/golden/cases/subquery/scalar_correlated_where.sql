-- A correlated scalar subquery in WHERE: orders above their customer's average.
-- compare: fold

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

SELECT o.order_id, o.amount FROM Orders o
WHERE o.amount > (SELECT AVG(p.amount) FROM Orders p WHERE p.customer_id = o.customer_id);
