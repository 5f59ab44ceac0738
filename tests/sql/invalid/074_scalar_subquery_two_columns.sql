-- error: exactly one column
-- flink: SqlValidatorException: Cannot apply '$SCALAR_QUERY' to arguments of type '$SCALAR_QUERY(<RECORDTYPE(VARCHAR(2147483647) USER_ID, VARCHAR(2147483647) NAME, VARCHAR(2147483647) COUNTRY)>)'. Supported form(s): '$SCALAR_QUERY(<RECO...
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
CREATE TABLE users (user_id STRING, name STRING, country STRING) WITH ('connector' = 'datagen');
SELECT o.order_id, (SELECT * FROM users u WHERE u.user_id = o.user_id) FROM orders o;
