-- error: Encountered "FROM"
-- error: line 13, column 23
-- flink: ParseException: Encountered "FROM" at line 1, column 23.
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT COUNT(order_id FROM orders;
