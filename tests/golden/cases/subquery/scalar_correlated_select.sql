-- Correlated scalar subqueries in SELECT: a COUNT is 0 for a customer without orders, a MAX NULL.
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

CREATE TABLE Customers (
  customer_id INT,
  name STRING,
  country STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/customers.csv',
  'format' = 'csv'
);

SELECT c.name,
  (SELECT COUNT(*) FROM Orders o WHERE o.customer_id = c.customer_id) AS orders,
  (SELECT MAX(o.amount) FROM Orders o WHERE o.customer_id = c.customer_id AND o.amount < 50) AS top
FROM Customers c;
