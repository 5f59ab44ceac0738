-- ROLLUP with GROUPING() and GROUPING_ID() telling the sets apart.
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

SELECT customer_id, amount > 20 AS big, COUNT(*) AS n,
  GROUPING(customer_id) AS g_customer, GROUPING_ID(customer_id, amount > 20) AS gid
FROM Orders
GROUP BY ROLLUP (customer_id, amount > 20);
