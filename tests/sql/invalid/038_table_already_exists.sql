-- error: already exists
-- flink: TableAlreadyExistException: Table (or view) default_database.orders already exists in Catalog default_catalog.
CREATE TABLE orders (
    order_id BIGINT,
    user_id STRING,
    quantity INT,
    price DOUBLE,
    status STRING,
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
CREATE TABLE orders (id BIGINT) WITH ('connector' = 'datagen');
