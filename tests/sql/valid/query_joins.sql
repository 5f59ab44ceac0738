-- Joins: regular, outer, interval, temporal (versioned and lookup), UNNEST, LATERAL TABLE.

CREATE TABLE orders (
    order_id BIGINT,
    customer_id STRING,
    product_id STRING,
    currency STRING,
    price DECIMAL(10, 2),
    tags ARRAY<STRING>,
    attrs MAP<STRING, STRING>,
    order_time TIMESTAMP(3),
    proc_time AS PROCTIME(),
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'datagen'
);

CREATE TABLE shipments (
    shipment_id BIGINT,
    order_id BIGINT,
    carrier STRING,
    ship_time TIMESTAMP(3),
    WATERMARK FOR ship_time AS ship_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'datagen'
);

CREATE TABLE customers (
    customer_id STRING,
    name STRING,
    country STRING
) WITH (
    'connector' = 'datagen'
);

CREATE TABLE currency_rates (
    currency STRING,
    conversion_rate DECIMAL(10, 4),
    update_time TIMESTAMP(3),
    WATERMARK FOR update_time AS update_time,
    PRIMARY KEY (currency) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = 'rates',
    'properties.bootstrap.servers' = 'localhost:9092',
    'key.format' = 'raw',
    'value.format' = 'json'
);

CREATE TABLE products (
    product_id STRING,
    category STRING,
    stock INT,
    PRIMARY KEY (product_id) NOT ENFORCED
) WITH (
    'connector' = 'jdbc',
    'url' = 'jdbc:mysql://localhost:3306/shop',
    'table-name' = 'products',
    'lookup.cache' = 'PARTIAL',
    'lookup.partial-cache.max-rows' = '10000'
);

CREATE FUNCTION split_words AS 'com.example.udf.SplitWords';

SELECT o.order_id, c.name
FROM orders o
JOIN customers c ON o.customer_id = c.customer_id;

SELECT o.order_id, c.name
FROM orders AS o
INNER JOIN customers AS c ON o.customer_id = c.customer_id AND c.country <> 'US';

SELECT o.order_id, c.name
FROM orders o LEFT OUTER JOIN customers c ON o.customer_id = c.customer_id;

SELECT o.order_id, c.name
FROM orders o RIGHT JOIN customers c ON o.customer_id = c.customer_id;

SELECT COALESCE(o.customer_id, c.customer_id) AS customer_id, o.order_id, c.name
FROM orders o FULL OUTER JOIN customers c ON o.customer_id = c.customer_id;

SELECT o.order_id, c.name
FROM orders o, customers c
WHERE o.customer_id = c.customer_id;

SELECT o.order_id, s.shipment_id, s.carrier
FROM orders o, shipments s
WHERE o.order_id = s.order_id
  AND s.ship_time BETWEEN o.order_time AND o.order_time + INTERVAL '4' HOUR;

SELECT o.order_id, s.shipment_id
FROM orders o
JOIN shipments s
  ON o.order_id = s.order_id
 AND o.order_time >= s.ship_time - INTERVAL '1' DAY
 AND o.order_time < s.ship_time;

SELECT o.order_id, o.price * r.conversion_rate AS price_eur, r.update_time
FROM orders AS o
LEFT JOIN currency_rates FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.currency = r.currency;

SELECT o.order_id, p.category, p.stock
FROM orders AS o
JOIN products FOR SYSTEM_TIME AS OF o.proc_time AS p
ON o.product_id = p.product_id;

SELECT /*+ LOOKUP('table'='p', 'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay', 'fixed-delay'='10s', 'max-attempts'='3') */
    o.order_id, p.category
FROM orders AS o
LEFT JOIN products FOR SYSTEM_TIME AS OF o.proc_time AS p
ON o.product_id = p.product_id;

SELECT o.order_id, t.tag
FROM orders o
CROSS JOIN UNNEST(o.tags) AS t (tag);

SELECT o.order_id, a.k, a.v
FROM orders AS o, UNNEST(o.attrs) AS a (k, v);

SELECT order_id, tag, pos
FROM orders CROSS JOIN UNNEST(tags) WITH ORDINALITY AS t (tag, pos);

SELECT o.order_id, word, len
FROM orders AS o, LATERAL TABLE(split_words(o.customer_id)) AS T(word, len);

SELECT o.order_id, word
FROM orders AS o
LEFT JOIN LATERAL TABLE(split_words(o.customer_id)) AS T(word, len) ON TRUE;

SELECT /*+ BROADCAST(c) */ o.order_id, c.name
FROM orders o JOIN customers c ON o.customer_id = c.customer_id;

SELECT a.order_id, b.order_id AS next_order
FROM orders a
JOIN orders b ON a.customer_id = b.customer_id AND a.order_id < b.order_id;
