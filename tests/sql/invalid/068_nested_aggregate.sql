-- error: Aggregate expressions cannot be nested
-- flink: SqlValidatorException: Aggregate expressions cannot be nested
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT COUNT(SUM(quantity)) FROM orders;
