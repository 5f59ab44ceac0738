-- error: an expression
-- error: Encountered "FROM"
-- error: line 14, column 18
-- flink: ParseException: Incorrect syntax near the keyword 'FROM' at line 1, column 18.
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT order_id, FROM orders;
