-- error: Encountered "NOT"
-- error: line 13, column 29
-- flink: ParseException: Encountered "NOT" at line 1, column 29.
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT CAST(quantity AS INT NOT NULL) FROM orders;
