-- error: Encountered "("
-- error: line 14, column 25
-- flink: ParseException: Encountered "(" at line 2, column 25.
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT window_start, COUNT(*)
FROM TABLE(TUMBLE(TABLE (SELECT * FROM orders), DESCRIPTOR(order_time), INTERVAL '1' MINUTE))
GROUP BY window_start;
