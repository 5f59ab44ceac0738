-- A correlated IN with a non-equi correlation: orders bigger than one of the same customer's.
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

SELECT a.order_id FROM Orders a
WHERE a.customer_id IN (SELECT b.customer_id FROM Orders b WHERE b.amount < a.amount);
