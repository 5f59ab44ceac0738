-- WHERE with AND, OR and NOT.
-- compare: raw

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

SELECT order_id, customer_id, amount
FROM Orders
WHERE amount > 10 AND (customer_id = 1 OR customer_id = 3) OR NOT order_id < 107;
