-- error: Expression 'status' is not being grouped
-- flink: SqlValidatorException: Expression 'status' is not being grouped
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT user_id, status, COUNT(*) FROM orders GROUP BY user_id;
