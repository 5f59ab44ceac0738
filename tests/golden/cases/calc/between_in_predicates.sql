-- BETWEEN, NOT BETWEEN, IN and NOT IN as boolean columns.
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
       amount BETWEEN 5 AND 20 AS amount_5_20,
       amount NOT BETWEEN 5 AND 20 AS outside,
       customer_id IN (1, 2) AS cust_1_2,
       customer_id NOT IN (1, 2) AS not_1_2
FROM Orders;
