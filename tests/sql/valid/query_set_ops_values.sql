-- Set operations and VALUES.

CREATE TABLE online_orders (order_id BIGINT, customer_id STRING, amount DOUBLE) WITH ('connector' = 'datagen');

CREATE TABLE store_orders (order_id BIGINT, customer_id STRING, amount DOUBLE) WITH ('connector' = 'datagen');

SELECT customer_id FROM online_orders
UNION
SELECT customer_id FROM store_orders;

SELECT order_id, amount, 'online' AS channel FROM online_orders
UNION ALL
SELECT order_id, amount, 'store' AS channel FROM store_orders;

SELECT customer_id FROM online_orders
INTERSECT
SELECT customer_id FROM store_orders;

SELECT customer_id FROM online_orders
INTERSECT ALL
SELECT customer_id FROM store_orders;

SELECT customer_id FROM online_orders
EXCEPT
SELECT customer_id FROM store_orders;

SELECT customer_id FROM online_orders
EXCEPT ALL
SELECT customer_id FROM store_orders;

(SELECT customer_id FROM online_orders WHERE amount > 10)
UNION ALL
(SELECT customer_id FROM store_orders WHERE amount > 10)
UNION ALL
(SELECT customer_id FROM online_orders WHERE amount IS NULL);

SELECT channel, COUNT(*) AS cnt
FROM (
    SELECT 'online' AS channel FROM online_orders
    UNION ALL
    SELECT 'store' FROM store_orders
)
GROUP BY channel;

VALUES (1, 'a'), (2, 'b'), (3, 'c');

VALUES 1, 2, 3;

SELECT * FROM (VALUES (1, 'apple', 0.5), (2, 'pear', 0.75)) AS fruit (id, name, price);

SELECT id, UPPER(name) FROM (VALUES (1, 'alice'), (2, 'bob')) AS t(id, name) WHERE id > 1;

WITH codes (code, label) AS (VALUES ('GBP', 'pound'), ('EUR', 'euro'), ('INR', 'rupee'))
SELECT label FROM codes WHERE code <> 'EUR';

SELECT o.order_id, c.label
FROM online_orders o
JOIN (VALUES ('c1', 'gold'), ('c2', 'silver')) AS c (customer_id, label)
ON o.customer_id = c.customer_id;

SELECT * FROM (VALUES (CAST(NULL AS STRING), 1), ('x', 2)) AS t (s, n);
