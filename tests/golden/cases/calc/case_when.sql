-- Searched and simple CASE, with and without ELSE.
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

SELECT order_id,
       CASE WHEN amount >= 20 THEN 'big' WHEN amount >= 5 THEN 'mid' ELSE 'small' END AS size,
       CASE customer_id WHEN 1 THEN 'one' WHEN 2 THEN 'two' END AS cust
FROM Orders;
