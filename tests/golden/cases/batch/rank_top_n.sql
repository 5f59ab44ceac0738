-- Batch mode: a RANK Top-N (ties share a rank and leave a gap).
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

SELECT * FROM (
  SELECT customer_id, amount,
    RANK() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS r
  FROM Orders)
WHERE r <= 2;
