-- error: Encountered "FORTNIGHT"
-- error: line 13, column 34
-- flink: ParseException: Encountered "FORTNIGHT" at line 1, column 34.
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT order_time + INTERVAL '1' FORTNIGHT FROM orders;
