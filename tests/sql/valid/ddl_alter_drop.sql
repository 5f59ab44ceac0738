-- ALTER TABLE and DROP statements.

CREATE TABLE orders (
    order_id BIGINT,
    customer_id STRING,
    quantity INT,
    price DECIMAL(10, 2),
    order_time TIMESTAMP(3)
) WITH (
    'connector' = 'datagen',
    'rows-per-second' = '5'
);

CREATE TEMPORARY TABLE scratch (id INT) WITH ('connector' = 'blackhole');

ALTER TABLE orders SET ('rows-per-second' = '50', 'number-of-rows' = '10000');

ALTER TABLE orders RESET ('number-of-rows');

ALTER TABLE orders ADD region STRING COMMENT 'sales region';

ALTER TABLE orders ADD (
    discount DOUBLE AFTER price,
    total AS price * quantity,
    WATERMARK FOR order_time AS order_time - INTERVAL '1' SECOND
);

ALTER TABLE orders ADD channel STRING FIRST;

ALTER TABLE orders ADD CONSTRAINT orders_pk PRIMARY KEY (order_id) NOT ENFORCED;

ALTER TABLE orders MODIFY quantity BIGINT COMMENT 'widened';

ALTER TABLE orders MODIFY (
    discount DECIMAL(5, 2),
    WATERMARK FOR order_time AS order_time - INTERVAL '10' SECOND
);

ALTER TABLE orders RENAME region TO sales_region;

ALTER TABLE orders DROP channel;

ALTER TABLE orders DROP (discount, total);

ALTER TABLE orders DROP WATERMARK;

ALTER TABLE orders DROP PRIMARY KEY;

ALTER TABLE IF EXISTS orders SET ('fields.quantity.max' = '10');

ALTER TABLE IF EXISTS missing_table SET ('connector' = 'datagen');

ALTER TABLE orders RENAME TO orders_v2;

DROP TEMPORARY TABLE scratch;

DROP TEMPORARY TABLE IF EXISTS scratch;

DROP TABLE IF EXISTS orders_v2;

DROP TABLE IF EXISTS default_catalog.default_database.no_such_table;

DROP VIEW IF EXISTS `no such view`;
