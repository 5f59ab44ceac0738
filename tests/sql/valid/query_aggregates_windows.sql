-- Group aggregates, DISTINCT and FILTER, GROUPING SETS, and the legacy group-window functions.

CREATE TABLE orders (
    order_id BIGINT,
    customer_id STRING,
    product_id STRING,
    region STRING,
    quantity INT,
    price DECIMAL(10, 2),
    order_time TIMESTAMP(3),
    proc_time AS PROCTIME(),
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'datagen'
);

SELECT COUNT(*) FROM orders;

SELECT customer_id, COUNT(*) AS cnt, COUNT(DISTINCT product_id) AS products,
    SUM(quantity) AS items, AVG(price) AS avg_price, MIN(price), MAX(price)
FROM orders
GROUP BY customer_id;

SELECT customer_id, COUNT(order_id) FILTER (WHERE quantity > 2) AS big_orders,
    SUM(price) FILTER (WHERE region = 'EU') AS eu_revenue
FROM orders
GROUP BY customer_id;

SELECT region, LISTAGG(product_id) AS products, LISTAGG(DISTINCT customer_id, ';') AS customers
FROM orders
GROUP BY region;

SELECT customer_id, SUM(price * quantity) AS spent
FROM orders
GROUP BY customer_id
HAVING SUM(price * quantity) > 1000 AND COUNT(*) >= 2;

SELECT region, product_id, SUM(quantity) AS items
FROM orders
GROUP BY GROUPING SETS ((region, product_id), (region), ());

SELECT region, product_id, SUM(quantity) AS items, GROUPING(region) AS g_region
FROM orders
GROUP BY ROLLUP (region, product_id);

SELECT region, product_id, SUM(quantity) AS items
FROM orders
GROUP BY CUBE (region, product_id);

SELECT STDDEV_POP(price), STDDEV_SAMP(price), VAR_POP(price), VAR_SAMP(price),
    COLLECT(product_id), FIRST_VALUE(product_id), LAST_VALUE(product_id)
FROM orders;

SELECT customer_id, ARRAY_AGG(product_id) AS products, ARRAY_AGG(DISTINCT region) AS regions
FROM orders
GROUP BY customer_id;

SELECT
    customer_id,
    TUMBLE_START(order_time, INTERVAL '1' MINUTE) AS window_start,
    TUMBLE_END(order_time, INTERVAL '1' MINUTE) AS window_end,
    TUMBLE_ROWTIME(order_time, INTERVAL '1' MINUTE) AS window_rowtime,
    COUNT(*) AS cnt
FROM orders
GROUP BY TUMBLE(order_time, INTERVAL '1' MINUTE), customer_id;

SELECT
    region,
    HOP_START(order_time, INTERVAL '30' SECOND, INTERVAL '2' MINUTE) AS window_start,
    HOP_END(order_time, INTERVAL '30' SECOND, INTERVAL '2' MINUTE) AS window_end,
    SUM(quantity) AS items
FROM orders
GROUP BY region, HOP(order_time, INTERVAL '30' SECOND, INTERVAL '2' MINUTE);

SELECT
    customer_id,
    SESSION_START(order_time, INTERVAL '10' MINUTE) AS session_start,
    SESSION_END(order_time, INTERVAL '10' MINUTE) AS session_end,
    SESSION_ROWTIME(order_time, INTERVAL '10' MINUTE) AS session_rowtime,
    COUNT(*) AS orders_in_session
FROM orders
GROUP BY SESSION(order_time, INTERVAL '10' MINUTE), customer_id;

SELECT
    TUMBLE_START(proc_time, INTERVAL '1' HOUR) AS hour_start,
    TUMBLE_PROCTIME(proc_time, INTERVAL '1' HOUR) AS hour_proctime,
    COUNT(DISTINCT customer_id) AS customers
FROM orders
GROUP BY TUMBLE(proc_time, INTERVAL '1' HOUR);

SELECT customer_id, window_end, cnt
FROM (
    SELECT customer_id,
        TUMBLE_END(order_time, INTERVAL '1' DAY) AS window_end,
        COUNT(*) AS cnt
    FROM orders
    GROUP BY customer_id, TUMBLE(order_time, INTERVAL '1' DAY)
)
WHERE cnt > 3;
