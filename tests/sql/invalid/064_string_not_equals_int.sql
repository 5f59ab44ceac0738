-- error: implicit type conversion between VARCHAR and INTEGER is not supported
-- flink: ValidationException: implicit type conversion between VARCHAR and INTEGER is not supported now
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT * FROM orders WHERE status <> 1;
