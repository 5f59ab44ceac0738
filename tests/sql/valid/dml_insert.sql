-- INSERT INTO / INSERT OVERWRITE with column lists, partitions, VALUES and queries.

CREATE TABLE orders (
    order_id BIGINT,
    customer_id STRING,
    quantity INT,
    price DECIMAL(10, 2),
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'datagen',
    'number-of-rows' = '1000'
);

CREATE TABLE order_log (
    order_id BIGINT,
    customer_id STRING,
    total DECIMAL(20, 2),
    note STRING
) WITH (
    'connector' = 'print'
);

CREATE TABLE customer_totals (
    customer_id STRING,
    order_count BIGINT,
    total DECIMAL(38, 2),
    PRIMARY KEY (customer_id) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = 'customer-totals',
    'properties.bootstrap.servers' = 'localhost:9092',
    'key.format' = 'json',
    'value.format' = 'json'
);

CREATE TABLE daily_archive (
    order_id BIGINT,
    total DECIMAL(20, 2),
    dt STRING
) PARTITIONED BY (dt) WITH (
    'connector' = 'filesystem',
    'path' = 'file:///tmp/archive',
    'format' = 'csv'
);

INSERT INTO order_log
SELECT order_id, customer_id, price * quantity, 'from datagen'
FROM orders;

INSERT INTO order_log (order_id, customer_id, total)
SELECT order_id, customer_id, price * quantity FROM orders WHERE quantity > 1;

INSERT INTO order_log (note, order_id)
SELECT 'reordered columns', order_id FROM orders;

INSERT INTO order_log VALUES (1, 'c-1', 9.99, 'manual'), (2, 'c-2', 19.50, CAST(NULL AS STRING));

INSERT INTO order_log (order_id, total) VALUES (3, 0.00);

INSERT INTO customer_totals
SELECT customer_id, COUNT(*), SUM(price * quantity)
FROM orders
GROUP BY customer_id;

INSERT INTO order_log /*+ OPTIONS('print-identifier' = 'audit') */
SELECT order_id, customer_id, price, 'hinted sink' FROM orders;

INSERT INTO order_log
WITH expensive AS (SELECT * FROM orders WHERE price > 100)
SELECT order_id, customer_id, price, 'expensive' FROM expensive;

INSERT INTO order_log
SELECT order_id, customer_id, price, 'union' FROM orders
UNION ALL
SELECT order_id, customer_id, price * 2, 'doubled' FROM orders;

INSERT INTO `default_catalog`.`default_database`.`order_log`
SELECT order_id, customer_id, price, CAST(NULL AS STRING) FROM orders;

-- INSERT OVERWRITE needs batch mode.
SET 'execution.runtime-mode' = 'batch';

INSERT OVERWRITE daily_archive
SELECT order_id, price * quantity, DATE_FORMAT(order_time, 'yyyy-MM-dd') FROM orders;

INSERT OVERWRITE daily_archive PARTITION (dt = '2024-06-01')
SELECT order_id, price * quantity FROM orders;

INSERT INTO daily_archive PARTITION (dt = '2024-06-02') (order_id, total)
SELECT order_id, price FROM orders;
