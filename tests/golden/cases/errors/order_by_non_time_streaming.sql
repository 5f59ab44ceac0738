-- Streaming ORDER BY a non-time column without LIMIT is rejected.
-- error: Sort on a non-time-attribute field is not supported
-- flink: org.apache.flink.table.api.TableException: Sort on a non-time-attribute field is not supported.

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

SELECT * FROM Orders ORDER BY amount;
