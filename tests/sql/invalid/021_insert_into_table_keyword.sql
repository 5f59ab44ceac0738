-- error: Encountered "TABLE"
-- error: line 14, column 13
-- flink: ParseException: Incorrect syntax near the keyword 'TABLE' at line 1, column 13.
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
CREATE TABLE order_sink (order_id BIGINT, user_id STRING, total DOUBLE) WITH ('connector' = 'blackhole');
INSERT INTO TABLE order_sink SELECT order_id, user_id, price FROM orders;
