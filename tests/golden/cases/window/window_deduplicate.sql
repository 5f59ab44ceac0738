-- Window deduplication: the first order per customer in each 5-second window.
-- compare: fold

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

SELECT customer_id, order_id, window_start FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, customer_id ORDER BY order_time) AS rn
  FROM TABLE(TUMBLE(TABLE Orders, DESCRIPTOR(order_time), INTERVAL '5' SECOND)))
WHERE rn = 1;
