-- A window join: orders of the same customer in the same 5-second tumbling window.
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

SELECT L.order_id, R.order_id AS other_id, L.window_start
FROM (SELECT * FROM TABLE(TUMBLE(TABLE Orders, DESCRIPTOR(order_time), INTERVAL '5' SECOND))) L
JOIN (SELECT * FROM TABLE(TUMBLE(TABLE Orders, DESCRIPTOR(order_time), INTERVAL '5' SECOND))) R
ON L.customer_id = R.customer_id AND L.window_start = R.window_start AND L.window_end = R.window_end
WHERE L.order_id < R.order_id;
