-- WITH: a CTE reads the CTEs defined before it; the query reads the last.
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

WITH big AS (SELECT order_id, customer_id, amount FROM Orders WHERE amount >= 5),
     doubled AS (SELECT order_id, customer_id, amount * 2 AS twice FROM big),
     mine AS (SELECT d.order_id, d.twice, b.amount FROM doubled d JOIN big b ON d.order_id = b.order_id WHERE d.customer_id <> 3)
SELECT order_id, twice, amount FROM mine;
