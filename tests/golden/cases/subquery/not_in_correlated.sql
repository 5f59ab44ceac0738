-- NOT IN, correlated: per customer, the orders whose amount no other order of theirs has.
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

SELECT o.order_id FROM Orders o
WHERE o.amount NOT IN (SELECT p.amount FROM Orders p WHERE p.customer_id = o.customer_id AND p.order_id <> o.order_id);
