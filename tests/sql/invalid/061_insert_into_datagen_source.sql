-- error: Connector 'datagen' can only be used as a source
-- flink: ValidationException: Connector 'datagen' can only be used as a source. It cannot be used as a sink.
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
INSERT INTO orders SELECT * FROM orders;
