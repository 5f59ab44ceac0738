-- error: Unknown identifier 'nope'
-- flink: SqlValidatorException: Unknown identifier 'nope'
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT * FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(nope), INTERVAL '1' MINUTE));
