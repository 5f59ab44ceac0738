-- error: 'default_catalog.default_database.v'
-- flink: TableException: Sink 'default_catalog.default_database.v' does not exists
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
CREATE VIEW v AS SELECT order_id FROM orders;
INSERT INTO v SELECT order_id FROM orders;
