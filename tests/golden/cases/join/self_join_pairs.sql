-- A self join pairing each customer's orders.
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

SELECT a.order_id, b.order_id AS later_order_id
FROM Orders a
JOIN Orders b ON a.customer_id = b.customer_id AND a.order_id < b.order_id;
