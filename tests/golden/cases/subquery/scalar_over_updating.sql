-- A scalar subquery over an updating aggregate inside an expression, with a CTE.
-- compare: fold

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

WITH totals AS (SELECT customer_id, SUM(amount) AS total FROM Orders GROUP BY customer_id)
SELECT customer_id, total * 100 / (SELECT SUM(amount) FROM Orders) AS pct FROM totals;
