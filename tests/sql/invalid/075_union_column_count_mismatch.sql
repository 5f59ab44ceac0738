-- error: Column count mismatch in UNION
-- flink: SqlValidatorException: Column count mismatch in UNION ALL
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
CREATE TABLE users (user_id STRING, name STRING, country STRING) WITH ('connector' = 'datagen');
SELECT user_id, status FROM orders
UNION ALL
SELECT user_id FROM users;
