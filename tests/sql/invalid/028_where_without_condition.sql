-- error: Unexpected end of statement
-- flink: ParseException: Encountered "<EOF>" at line 1, column 26.
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT * FROM orders WHERE;
