-- error: Invalid number of arguments to function 'UPPER'
-- flink: SqlValidatorException: Invalid number of arguments to function 'UPPER'. Was expecting 1 arguments
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT UPPER(status, user_id) FROM orders;
