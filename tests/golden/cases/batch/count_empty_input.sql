-- Batch mode: a global COUNT over no rows emits 0 (streaming emits nothing).
-- compare: raw

SET 'execution.runtime-mode' = 'batch';

CREATE TABLE Orders (
  order_id INT,
  customer_id INT,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/orders.csv',
  'format' = 'csv'
);

SELECT COUNT(*) AS n, SUM(amount) AS total FROM Orders WHERE amount > 1000;
