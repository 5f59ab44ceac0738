-- Top-N whose PARTITION BY and ORDER BY are expressions: Flink projects them first.
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

SELECT order_id, customer_id, amount, rn
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id % 2 ORDER BY amount * -1, order_id) AS rn
  FROM Orders
)
WHERE rn <= 2;
