-- A scalar subquery in SELECT: each order with the number of customers.
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

SELECT order_id, (SELECT COUNT(*) FROM Customers) AS customers, amount FROM Orders;
