-- error: Encountered """
-- error: double quotes are not valid
-- error: backticks
-- error: line 15, column 17
-- flink: ParseException: Encountered "\"" at line 1, column 17.
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT price AS "unit price" FROM orders;
