-- Batch: ORDER BY qualified columns the SELECT leaves out.
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

SELECT o.order_id FROM Orders AS o ORDER BY o.customer_id DESC, o.amount;
