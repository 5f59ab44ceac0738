-- Views, functions, catalogs and databases.

CREATE TABLE orders (
    order_id BIGINT,
    customer_id STRING,
    product_id STRING,
    quantity INT,
    price DECIMAL(10, 2),
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'datagen'
);

CREATE VIEW big_orders AS
SELECT order_id, customer_id, price * quantity AS total
FROM orders
WHERE quantity >= 3;

CREATE TEMPORARY VIEW customer_totals (customer_id, order_count, total_spent) AS
SELECT customer_id, COUNT(*), SUM(price * quantity)
FROM orders
GROUP BY customer_id;

CREATE TEMPORARY VIEW IF NOT EXISTS recent_orders
COMMENT 'orders with their hour bucket'
AS SELECT o.*, FLOOR(o.order_time TO HOUR) AS order_hour FROM orders AS o;

CREATE VIEW IF NOT EXISTS top_customers AS (
    SELECT customer_id, total_spent
    FROM customer_totals
    WHERE total_spent > 1000
);

CREATE VIEW orders_with_cte AS
WITH ranked AS (
    SELECT order_id, customer_id,
        ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY order_time DESC) AS rn
    FROM orders
)
SELECT order_id, customer_id FROM ranked WHERE rn = 1;

CREATE FUNCTION currency_convert
AS 'com.example.flink.functions.CurrencyConverter';

CREATE TEMPORARY FUNCTION IF NOT EXISTS parse_ua
AS 'com.example.flink.functions.UserAgentParser'
LANGUAGE JAVA;

CREATE TEMPORARY SYSTEM FUNCTION mask_email
AS 'com.example.flink.functions.MaskEmail' LANGUAGE JAVA;

CREATE FUNCTION scala_rank AS 'com.example.udf.ScalaRank' LANGUAGE SCALA;

CREATE TEMPORARY FUNCTION py_upper AS 'udfs.py_upper' LANGUAGE PYTHON;

CREATE FUNCTION geo_lookup
AS 'com.example.flink.functions.GeoLookup'
LANGUAGE JAVA
USING JAR 'file:///opt/flink/usrlib/geo-udf.jar', JAR 'file:///opt/flink/usrlib/geo-data.jar';

CREATE CATALOG my_catalog WITH (
    'type' = 'generic_in_memory'
);

CREATE CATALOG IF NOT EXISTS lake COMMENT 'the data lake' WITH ('type' = 'generic_in_memory');

CREATE DATABASE IF NOT EXISTS my_catalog.analytics
COMMENT 'curated tables'
WITH ('owner' = 'data-eng');

CREATE DATABASE staging;

CREATE TABLE my_catalog.analytics.daily_revenue (
    `day` DATE,
    revenue DECIMAL(38, 2),
    PRIMARY KEY (`day`) NOT ENFORCED
) WITH (
    'connector' = 'filesystem',
    'path' = 's3://lake/daily_revenue',
    'format' = 'json'
);

CREATE VIEW my_catalog.analytics.revenue_view AS
SELECT `day`, revenue FROM my_catalog.analytics.daily_revenue;

ALTER VIEW big_orders RENAME TO large_orders;

ALTER VIEW large_orders AS
SELECT order_id, customer_id, price * quantity AS total
FROM orders
WHERE quantity >= 5;

ALTER FUNCTION currency_convert AS 'com.example.flink.functions.CurrencyConverterV2';

ALTER DATABASE staging SET ('retention' = '7d');

DROP TEMPORARY FUNCTION IF EXISTS py_upper;

DROP TEMPORARY SYSTEM FUNCTION mask_email;

DROP FUNCTION IF EXISTS scala_rank;

DROP TEMPORARY VIEW IF EXISTS recent_orders;

DROP VIEW IF EXISTS orders_with_cte;

DROP DATABASE IF EXISTS staging RESTRICT;

DROP CATALOG IF EXISTS lake;
