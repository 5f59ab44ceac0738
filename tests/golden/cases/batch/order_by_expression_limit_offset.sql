-- Batch: ORDER BY an expression that is not an output column, with LIMIT and OFFSET.
-- compare: raw

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

SELECT order_id, customer_id FROM Orders ORDER BY amount * -1, order_id DESC LIMIT 4 OFFSET 1;
