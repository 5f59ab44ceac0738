-- error: Encountered "drop"
-- error: backticks
-- error: line 14, column 21
-- flink: ParseException: Encountered "drop" at line 1, column 21.
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT price - 1 AS drop FROM orders;
