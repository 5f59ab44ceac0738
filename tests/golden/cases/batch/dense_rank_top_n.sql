-- Batch mode: a DENSE_RANK Top-N.
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
    DENSE_RANK() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS dr
  FROM Orders)
WHERE dr <= 1;
