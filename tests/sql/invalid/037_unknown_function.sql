-- error: No match found for function signature CURRENCY_CONVERT
-- flink: SqlValidatorException: No match found for function signature currency_convert(<CHARACTER>)
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT currency_convert(status) FROM orders;
