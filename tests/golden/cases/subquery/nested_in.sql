-- Nested IN: orders of customers in a country that has a customer named Chen.
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

SELECT order_id FROM Orders
WHERE customer_id IN (
  SELECT customer_id FROM Customers
  WHERE country IN (SELECT country FROM Customers WHERE name = 'Chen'));
