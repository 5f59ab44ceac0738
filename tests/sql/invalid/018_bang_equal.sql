-- error: Bang equal '!=' is not allowed under the current SQL conformance level
-- error: line 13, column 37
-- flink: CalciteException: Bang equal '!=' is not allowed under the current SQL conformance level
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT * FROM orders WHERE quantity != 3;
