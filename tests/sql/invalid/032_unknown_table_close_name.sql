-- error: Object 'order' not found
-- error: did you mean 'orders'?
-- flink: SqlValidatorException: Object 'order' not found
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT * FROM `order`;
