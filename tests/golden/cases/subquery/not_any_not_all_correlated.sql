-- NOT (op ANY) and NOT (op ALL), correlated.
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

SELECT a.order_id FROM Orders a
WHERE NOT (a.amount >= ANY (SELECT b.amount FROM Orders b WHERE b.customer_id = a.customer_id AND b.order_id > a.order_id))
  AND NOT (a.amount < ALL (SELECT c.amount FROM Orders c WHERE c.order_id < a.order_id));
