-- GROUPING SETS: per customer and in total, from one Expand and one GroupAggregate.
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

SELECT customer_id, SUM(amount) AS total, COUNT(*) AS n
FROM Orders
GROUP BY GROUPING SETS ((customer_id), ());
