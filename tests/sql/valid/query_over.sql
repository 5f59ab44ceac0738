-- OVER aggregations, Top-N and deduplication.

CREATE TABLE orders (
    order_id BIGINT,
    customer_id STRING,
    product_id STRING,
    category STRING,
    quantity INT,
    price DECIMAL(10, 2),
    order_time TIMESTAMP(3),
    proc_time AS PROCTIME(),
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'datagen'
);

SELECT order_id, product_id, price,
    SUM(price) OVER (
        PARTITION BY product_id
        ORDER BY order_time
        RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW
    ) AS one_hour_prod_amount_sum
FROM orders;

SELECT order_id, customer_id,
    COUNT(*) OVER (PARTITION BY customer_id ORDER BY order_time ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) AS last_11,
    AVG(quantity) OVER (PARTITION BY customer_id ORDER BY order_time ROWS BETWEEN 10 PRECEDING AND CURRENT ROW) AS avg_qty
FROM orders;

SELECT order_id, price,
    MAX(price) OVER w AS max_price,
    MIN(price) OVER w AS min_price,
    SUM(quantity) OVER w AS items
FROM orders
WINDOW w AS (
    PARTITION BY customer_id
    ORDER BY order_time
    ROWS BETWEEN 2 PRECEDING AND CURRENT ROW
);

SELECT order_id,
    SUM(quantity) OVER (PARTITION BY customer_id ORDER BY order_time RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_items,
    COUNT(DISTINCT product_id) OVER (PARTITION BY customer_id ORDER BY order_time RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS distinct_products
FROM orders;

SELECT order_id,
    LAG(price, 1) OVER (PARTITION BY product_id ORDER BY order_time) AS prev_price,
    LAG(price) OVER (PARTITION BY product_id ORDER BY order_time) AS prev_price_again
FROM orders;

SELECT order_id, COUNT(*) OVER (ORDER BY proc_time RANGE INTERVAL '10' SECOND PRECEDING) AS recent
FROM orders;

SELECT *
FROM (
    SELECT *,
        ROW_NUMBER() OVER (PARTITION BY category ORDER BY price DESC) AS row_num
    FROM orders
)
WHERE row_num <= 5;

SELECT product_id, category, price, rank_num
FROM (
    SELECT product_id, category, price,
        ROW_NUMBER() OVER (PARTITION BY category ORDER BY price DESC, order_id) AS rank_num
    FROM orders
)
WHERE rank_num <= 3;

SELECT category, product_id, sales
FROM (
    SELECT category, product_id, sales,
        ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS rn
    FROM (SELECT category, product_id, SUM(quantity) AS sales FROM orders GROUP BY category, product_id)
)
WHERE rn <= 10;

SELECT order_id, customer_id, order_time
FROM (
    SELECT *,
        ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY proc_time ASC) AS row_num
    FROM orders
)
WHERE row_num = 1;

SELECT order_id, customer_id, price
FROM (
    SELECT *,
        ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY order_time DESC) AS rn
    FROM orders
)
WHERE rn = 1;
