-- error: Column types of query result and sink for 'default_catalog.default_database.order_sink' do not match
-- flink: ValidationException: Column types of query result and sink for 'default_catalog.default_database.order_sink' do not match.
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
INSERT INTO order_sink SELECT order_id, user_id, CAST(order_time AS DATE) FROM orders;
