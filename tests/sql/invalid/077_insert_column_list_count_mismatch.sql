-- error: Number of columns must match number of query columns
-- flink: SqlValidatorException: Number of columns must match number of query columns
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
INSERT INTO order_sink (order_id, user_id) SELECT order_id, user_id, price FROM orders;
