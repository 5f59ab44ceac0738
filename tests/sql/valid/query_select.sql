-- SELECT: projections, filters, subqueries, CTEs, ordering, hints, comments and quoting.

CREATE TABLE orders (
    order_id BIGINT,
    customer_id STRING,
    product_id STRING,
    quantity INT,
    price DECIMAL(10, 2),
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'datagen'
);

CREATE TABLE customers (
    customer_id STRING,
    name STRING,
    country STRING,
    vip BOOLEAN
) WITH (
    'connector' = 'datagen'
);

SELECT * FROM orders;

SELECT order_id, customer_id, price * quantity AS total FROM orders WHERE quantity > 2;

select o.order_id, o.status from orders as o where o.status = 'SHIPPED' and not o.quantity < 1;

SeLeCt DISTINCT customer_id FrOm orders;

SELECT ALL customer_id, product_id FROM orders;

SELECT o.* FROM orders o;

SELECT order_id AS id, price AS `unit price`
FROM orders;

SELECT
    order_id,                      -- the key
    /* a block comment
       over two lines */ price
FROM orders;

// Calcite (hence Flink) also reads `//` as a line comment
SELECT order_id, // the key
    price
FROM orders;

SELECT `order_id`, `customer_id` AS `customer id`, 'it''s' AS note, '£' AS gbp, '€' AS eur, '₹' AS inr
FROM `orders`;

SELECT order_id, price FROM orders ORDER BY order_time;

SELECT order_id FROM orders ORDER BY order_time ASC, order_id DESC;

SELECT order_id, price FROM orders LIMIT 10;

SELECT order_id FROM orders ORDER BY order_time LIMIT 5;

SELECT * FROM (SELECT order_id, price * quantity AS total FROM orders) AS t WHERE t.total > 100;

SELECT * FROM (SELECT customer_id, quantity FROM orders) WHERE quantity >= 3;

SELECT order_id, customer_id
FROM orders
WHERE customer_id IN (SELECT customer_id FROM customers WHERE vip);

SELECT order_id
FROM orders
WHERE customer_id NOT IN ('c-1', 'c-2', 'c-3') AND status IN ('NEW', 'PAID');

SELECT o.order_id
FROM orders AS o
WHERE EXISTS (SELECT 1 FROM customers AS c WHERE c.customer_id = o.customer_id AND c.country = 'GB');

SELECT o.order_id
FROM orders o
WHERE NOT EXISTS (SELECT * FROM customers c WHERE c.customer_id = o.customer_id);

SELECT o.order_id,
    (SELECT c.name FROM customers c WHERE c.customer_id = o.customer_id) AS customer_name
FROM orders o;

SELECT order_id
FROM orders
WHERE price > (SELECT AVG(price) FROM orders);

WITH paid AS (
    SELECT * FROM orders WHERE status = 'PAID'
), per_customer AS (
    SELECT customer_id, SUM(price * quantity) AS spent FROM paid GROUP BY customer_id
)
SELECT customer_id, spent FROM per_customer WHERE spent > 500;

WITH t (id, amount) AS (SELECT order_id, price FROM orders)
SELECT id, amount FROM t;

SELECT /*+ OPTIONS('rows-per-second' = '1') */ order_id FROM orders;

SELECT order_id FROM orders /*+ OPTIONS('rows-per-second' = '100', 'number-of-rows' = '1000') */;

SELECT /*+ STATE_TTL('o' = '1d', 'c' = '12h') */ o.order_id, c.name
FROM orders o JOIN customers c ON o.customer_id = c.customer_id;

SELECT order_id
FROM orders
WHERE (quantity > 1 OR price < 10) AND status IS NOT NULL AND NOT (status = 'CANCELLED');

SELECT TRUE, FALSE, UNKNOWN, CAST(NULL AS STRING), 1, -2, 3.5, 1e3, -1.5E-2, X'CAFE', 'text', DATE '2024-01-01';

SELECT 1 + 2 * 3 - 4 / 2 % 3, (1 + 2) * 3, -(-1), +5;

SELECT order_id FROM orders WHERE order_time > CURRENT_TIMESTAMP - INTERVAL '1' HOUR;

SELECT
    order_id
FROM
    orders
WHERE
    customer_id LIKE 'vip-%'
;
