-- error: Aggregate expression is illegal in WHERE clause
-- flink: SqlValidatorException: Aggregate expression is illegal in WHERE clause
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT user_id FROM orders WHERE SUM(quantity) > 10;
