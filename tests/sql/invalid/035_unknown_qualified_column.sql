-- error: Column 'nope' not found in table 'o'
-- flink: SqlValidatorException: Column 'nope' not found in table 'o'
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT o.nope FROM orders AS o;
