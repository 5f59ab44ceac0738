-- error: Encountered "orders"
-- error: line 13, column 22
-- flink: ParseException: Encountered "orders" at line 1, column 22.
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT order_id FORM orders;
