-- error: Sort on a non-time-attribute field is not supported
-- flink: TableException: Sort on a non-time-attribute field is not supported.
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT * FROM orders ORDER BY price DESC;
