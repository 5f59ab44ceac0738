-- error: Unknown target column 'nope'
-- flink: SqlValidatorException: Unknown target column 'nope'
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
INSERT INTO order_sink (order_id, nope) SELECT order_id, user_id FROM orders;
