-- A scalar subquery in WHERE: orders above the average amount.
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

SELECT order_id, amount FROM Orders WHERE amount > (SELECT AVG(amount) FROM Orders);
