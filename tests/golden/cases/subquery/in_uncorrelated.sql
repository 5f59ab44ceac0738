-- IN (subquery): the orders of customers in the UK, a semi join.
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

SELECT order_id, customer_id FROM Orders
WHERE customer_id IN (SELECT customer_id FROM Customers WHERE country = 'UK');
