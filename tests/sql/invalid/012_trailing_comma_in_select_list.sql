-- error: an expression
-- error: Encountered "FROM"
-- error: line 15, column 1
-- flink: ParseException: Incorrect syntax near the keyword 'FROM' at line 2, column 1.
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT order_id, user_id,
FROM orders;
