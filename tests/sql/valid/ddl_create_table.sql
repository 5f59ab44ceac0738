-- CREATE TABLE in its many shapes: connectors, column kinds, constraints, LIKE, CTAS.

CREATE TABLE orders (
    order_id BIGINT,
    customer_id STRING,
    product_id STRING,
    quantity INT,
    price DECIMAL(10, 2),
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'datagen',
    'rows-per-second' = '10',
    'fields.order_id.kind' = 'sequence',
    'fields.order_id.start' = '1',
    'fields.order_id.end' = '1000000',
    'fields.customer_id.length' = '8',
    'fields.quantity.min' = '1',
    'fields.quantity.max' = '5'
);

CREATE TABLE IF NOT EXISTS clicks (
    user_id STRING NOT NULL,
    url STRING,
    referrer STRING COMMENT 'HTTP referrer, may be empty',
    click_time TIMESTAMP_LTZ(3),
    proc_time AS PROCTIME(),
    WATERMARK FOR click_time AS click_time
) COMMENT 'page clicks from the web tier'
WITH (
    'connector' = 'datagen',
    'number-of-rows' = '1000'
);

CREATE TEMPORARY TABLE payments (
    payment_id STRING,
    order_id BIGINT,
    amount DOUBLE,
    currency CHAR(3),
    paid_at TIMESTAMP(3),
    amount_gbp AS amount * 0.79,
    paid_date AS CAST(paid_at AS DATE),
    WATERMARK FOR paid_at AS paid_at - INTERVAL '10' SECOND
) WITH (
    'connector' = 'datagen'
);

CREATE TABLE kafka_orders (
    `order_id` BIGINT,
    `customer_id` STRING,
    `amount` DECIMAL(10, 2),
    `event_time` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',
    `partition` BIGINT METADATA VIRTUAL,
    `offset` BIGINT METADATA VIRTUAL,
    `topic` STRING METADATA FROM 'topic' VIRTUAL,
    `headers` MAP<STRING, BYTES> METADATA,
    WATERMARK FOR `event_time` AS `event_time` - INTERVAL '2' SECOND
) WITH (
    'connector' = 'kafka',
    'topic' = 'orders',
    'properties.bootstrap.servers' = 'localhost:9092',
    'properties.group.id' = 'orders-reader',
    'scan.startup.mode' = 'earliest-offset',
    'format' = 'json',
    'json.fail-on-missing-field' = 'false',
    'json.ignore-parse-errors' = 'true'
);

CREATE TABLE customers_cdc (
    customer_id STRING,
    name STRING,
    email STRING,
    country STRING,
    updated_at TIMESTAMP(3),
    PRIMARY KEY (customer_id) NOT ENFORCED,
    WATERMARK FOR updated_at AS updated_at
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = 'customers',
    'properties.bootstrap.servers' = 'localhost:9092',
    'key.format' = 'raw',
    'value.format' = 'json'
);

CREATE TABLE order_totals (
    customer_id STRING,
    order_count BIGINT,
    total_amount DECIMAL(38, 2),
    CONSTRAINT pk_order_totals PRIMARY KEY (customer_id) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = 'order-totals',
    'properties.bootstrap.servers' = 'localhost:9092',
    'key.format' = 'json',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = 'http://localhost:8081'
);

CREATE TABLE customer_id_pk (
    customer_id STRING PRIMARY KEY NOT ENFORCED,
    tier STRING
) WITH (
    'connector' = 'blackhole'
);

CREATE TABLE sales_archive (
    sale_id BIGINT,
    region STRING,
    amount DOUBLE,
    sale_date STRING,
    sale_hour STRING
) PARTITIONED BY (sale_date, sale_hour) WITH (
    'connector' = 'filesystem',
    'path' = 'file:///tmp/sales_archive',
    'format' = 'parquet',
    'sink.partition-commit.policy.kind' = 'success-file'
);

CREATE TABLE sales_csv (
    invoice_id STRING,
    user_id STRING,
    quantity INT,
    unit_cost DECIMAL(8, 2),
    sold_at TIMESTAMP(3),
    WATERMARK FOR sold_at AS sold_at - INTERVAL '1' MINUTE
) WITH (
    'connector' = 'filesystem',
    'path' = '/data/sales.csv',
    'format' = 'csv',
    'csv.field-delimiter' = ',',
    'csv.ignore-parse-errors' = 'true',
    'csv.allow-comments' = 'true'
);

CREATE TABLE events_json (
    id STRING,
    payload ROW<kind STRING, tags ARRAY<STRING>, attrs MAP<STRING, STRING>>,
    ts BIGINT,
    rowtime AS TO_TIMESTAMP_LTZ(ts, 3),
    WATERMARK FOR rowtime AS rowtime - INTERVAL '3' SECOND
) WITH (
    'connector' = 'filesystem',
    'path' = '/data/events',
    'format' = 'json'
);

CREATE TABLE print_sink (
    customer_id STRING,
    total DECIMAL(38, 2)
) WITH (
    'connector' = 'print',
    'print-identifier' = 'totals',
    'standard-error' = 'false'
);

CREATE TABLE blackhole_sink WITH ('connector' = 'blackhole') LIKE orders (EXCLUDING ALL);

CREATE TABLE orders_copy (
    region STRING
) WITH (
    'connector' = 'datagen',
    'rows-per-second' = '100'
)
LIKE orders (
    INCLUDING GENERATED
    EXCLUDING OPTIONS
    OVERWRITING WATERMARKS
);

CREATE TABLE orders_no_watermark
WITH ('number-of-rows' = '50')
LIKE orders (EXCLUDING WATERMARKS INCLUDING OPTIONS);

CREATE TABLE big_orders
WITH (
    'connector' = 'blackhole'
)
AS SELECT order_id, customer_id, price * quantity AS total
FROM orders
WHERE quantity > 3;

CREATE TABLE IF NOT EXISTS order_counts (
    customer_id STRING,
    cnt BIGINT,
    PRIMARY KEY (customer_id) NOT ENFORCED
) WITH ('connector' = 'print')
AS SELECT COALESCE(customer_id, 'unknown') AS customer_id, COUNT(*) AS cnt
FROM orders
GROUP BY COALESCE(customer_id, 'unknown');

create table `Mixed Case Table` (
    `select` STRING,
    `from` INT,
    `user id` STRING,
    `value` DOUBLE
) with (
    'connector' = 'datagen'
);

CREATE TABLE all_types (
    c_char CHAR(10),
    c_varchar VARCHAR(255),
    c_string STRING,
    c_boolean BOOLEAN,
    c_binary BINARY(16),
    c_varbinary VARBINARY(64),
    c_bytes BYTES,
    c_decimal DECIMAL(18, 4),
    c_dec DEC(5),
    c_numeric NUMERIC(12, 2),
    c_tinyint TINYINT,
    c_smallint SMALLINT,
    c_int INT,
    c_integer INTEGER,
    c_bigint BIGINT,
    c_float FLOAT,
    c_double DOUBLE,
    c_double_precision DOUBLE PRECISION,
    c_date DATE,
    c_time TIME,
    c_time3 TIME(3),
    c_timestamp TIMESTAMP,
    c_timestamp9 TIMESTAMP(9),
    c_timestamp_wo TIMESTAMP(3) WITHOUT TIME ZONE,
    c_timestamp_ltz TIMESTAMP_LTZ(6),
    c_timestamp_wltz TIMESTAMP(3) WITH LOCAL TIME ZONE,
    c_array ARRAY<INT>,
    c_array_sql INT ARRAY,
    c_map MAP<STRING, BIGINT>,
    c_multiset MULTISET<STRING>,
    c_multiset_sql STRING MULTISET,
    c_row ROW<a INT, b STRING>,
    c_row_comma ROW(a INT, b STRING 'the b field'),
    c_nested ARRAY<ROW<k STRING, v MAP<STRING, ARRAY<DOUBLE>>>>,
    c_not_null INT NOT NULL,
    c_null STRING NULL
) WITH (
    'connector' = 'blackhole'
);

CREATE OR REPLACE TABLE replaced (x INT) WITH ('connector' = 'blackhole');

CREATE OR REPLACE TABLE replaced WITH ('connector' = 'blackhole') AS SELECT 1 AS x;

REPLACE TABLE replaced WITH ('connector' = 'blackhole') AS SELECT 2 AS x;
