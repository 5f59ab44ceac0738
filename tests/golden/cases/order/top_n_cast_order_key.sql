-- Top-N ordered by a computed expression (a CAST).
-- compare: raw

CREATE TABLE Orders (
  order_id INT,
  customer_id INT,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3)
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/orders.csv',
  'format' = 'csv'
);

SELECT * FROM (
  SELECT order_id, customer_id,
    ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY CAST(amount AS INT) DESC) AS rn
  FROM Orders)
WHERE rn <= 1;
