-- error: Unterminated quoted identifier
-- error: line 13, column 8
-- flink: TokenMgrError: Lexical error at line 1, column 30.  Encountered: <EOF> after : "`order_id FROM orders;"
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT `order_id FROM orders;
