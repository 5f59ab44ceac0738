-- NOT EXISTS, correlated: customers without any order, an anti join.
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

SELECT c.customer_id, c.name FROM Customers c
WHERE NOT EXISTS (SELECT * FROM Orders o WHERE o.customer_id = c.customer_id);
