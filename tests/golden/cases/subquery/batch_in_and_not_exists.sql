-- Batch: IN and NOT EXISTS together.
-- compare: multiset

SET 'execution.runtime-mode' = 'batch';

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

SELECT order_id FROM Orders o
WHERE o.customer_id IN (SELECT customer_id FROM Customers)
  AND NOT EXISTS (SELECT 1 FROM Customers c WHERE c.customer_id = o.customer_id AND c.country = 'FR');
