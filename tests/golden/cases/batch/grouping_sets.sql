-- Batch mode: GROUPING SETS.
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

SELECT customer_id, COUNT(*) AS n, GROUPING(customer_id) AS g
FROM Orders
GROUP BY GROUPING SETS ((customer_id), ());
