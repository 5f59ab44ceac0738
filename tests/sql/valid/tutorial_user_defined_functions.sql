-- Source: github:streamshub/flink-sql-examples @ ae4c74b, user-defined-functions tutorial, verbatim (trailing blanks trimmed).
-- The doc's motivating CASE query opens with `//` comment lines. Flink 2.3 accepts them:
-- Calcite's lexer treats `//` like `--` (a line comment), so `10 // 3` is just `10`.

-- docs/user-defined-functions/_index.md: every SQL block, in document order

// Think about how complex this query would become if the unit_cost field
// required more complex parsing logic
SELECT
    invoice_id,
    CASE
        WHEN LEFT(unit_cost, 1) = '€' THEN CONCAT(SUBSTRING(unit_cost, 2), ' EUR')
        WHEN LEFT(unit_cost, 1) = '₹' THEN CONCAT(SUBSTRING(unit_cost, 2), ' INR')
        WHEN LEFT(unit_cost, 1) = '₺' THEN CONCAT(SUBSTRING(unit_cost, 2), ' TRY')
        WHEN LEFT(unit_cost, 1) = '฿' THEN CONCAT(SUBSTRING(unit_cost, 2), ' THB')
        WHEN LEFT(unit_cost, 1) = '₴' THEN CONCAT(SUBSTRING(unit_cost, 2), ' UAH')
        WHEN LEFT(unit_cost, 1) = '₮' THEN CONCAT(SUBSTRING(unit_cost, 2), ' MNT')
        // ... imagine many more currency symbols here ...
        ELSE CONCAT(SUBSTRING(unit_cost, 2), ' ???')
    END AS iso_unit_cost,
    unit_cost,
    quantity
FROM InternationalSalesRecordTable;

SELECT
    invoice_id,
    currency_convert(unit_cost) AS iso_unit_cost,
    unit_cost,
    quantity
FROM InternationalSalesRecordTable;

CREATE TABLE InternationalSalesRecordTable (
    invoice_id STRING,
    user_id STRING,
    product_id STRING,
    quantity STRING,
    unit_cost STRING,
    `purchase_time` TIMESTAMP(3) METADATA FROM 'timestamp',
    WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
    'connector' = 'kafka',
    'topic' = 'flink.international.sales.records',
    'properties.bootstrap.servers' = 'my-cluster-kafka-bootstrap.flink.svc:9092',
    'properties.group.id' = 'international-sales-record-group',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = 'http://apicurio-registry-service.flink.svc:8080/apis/ccompat/v6',
    'scan.startup.mode' = 'latest-offset'
);

SELECT * FROM InternationalSalesRecordTable;

CREATE TEMPORARY FUNCTION currency_convert
AS 'com.github.streamshub.flink.functions.CurrencyConverter'
USING JAR '/opt/flink-udf-currency-converter-1.0-SNAPSHOT.jar';

SELECT
    invoice_id,
    currency_convert(unit_cost) AS iso_unit_cost,
    unit_cost,
    quantity
FROM InternationalSalesRecordTable;

SELECT
    DISTINCT(product_id),
    iso_unit_cost,
    quantity
  FROM (
      SELECT
          invoice_id,
          user_id,
          product_id,
          CAST(quantity AS INT) AS quantity,
          currency_convert(unit_cost) AS iso_unit_cost,
          unit_cost,
          purchase_time
      FROM InternationalSalesRecordTable
    )
WHERE
    quantity > 1 AND RIGHT(iso_unit_cost, 3) NOT IN ('MNT', 'ERR');

CREATE TABLE IsoInternationalSalesRecordTable (
    invoice_id STRING,
    user_id STRING,
    product_id STRING,
    quantity INT,
    iso_unit_cost STRING,
    purchase_time TIMESTAMP(3),
    PRIMARY KEY (`user_id`) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = 'flink.iso.international.sales.records.interactive',
    'properties.bootstrap.servers' = 'my-cluster-kafka-bootstrap.flink.svc:9092',
    'properties.client.id' = 'sql-cleaning-client',
    'properties.transaction.timeout.ms' = '800000',
    'key.format' = 'csv',
    'value.format' = 'csv',
    'value.fields-include' = 'ALL'
);

INSERT INTO IsoInternationalSalesRecordTable
SELECT
    invoice_id,
    user_id,
    product_id,
    CAST(quantity AS INT),
    currency_convert(unit_cost),
    purchase_time
FROM InternationalSalesRecordTable;

-- tutorials/user-defined-functions/standalone-etl-udf-deployment.yaml: the args scalar, dedented

CREATE TABLE InternationalSalesRecordTable (
    invoice_id STRING,
    user_id STRING,
    product_id STRING,
    quantity STRING,
    unit_cost STRING,
    `purchase_time` TIMESTAMP(3) METADATA FROM 'timestamp',
    WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
    'connector' = 'kafka',
    'topic' = 'flink.international.sales.records',
    'properties.bootstrap.servers' = 'my-cluster-kafka-bootstrap.flink.svc:9092',
    'properties.group.id' = 'international-sales-record-group',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = 'http://apicurio-registry-service.flink.svc:8080/apis/ccompat/v6',
    'scan.startup.mode' = 'latest-offset'
);
CREATE FUNCTION currency_convert
AS 'com.github.streamshub.flink.functions.CurrencyConverter'
USING JAR '/opt/flink-udf-currency-converter-1.0-SNAPSHOT.jar';
CREATE TABLE IsoInternationalSalesRecordTable (
    invoice_id STRING,
    user_id STRING,
    product_id STRING,
    quantity INT,
    iso_unit_cost STRING,
    purchase_time TIMESTAMP(3),
    PRIMARY KEY (`user_id`) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = 'flink.iso.international.sales.records',
    'properties.bootstrap.servers' = 'my-cluster-kafka-bootstrap.flink.svc:9092',
    'properties.client.id' = 'sql-cleaning-client',
    'properties.transaction.timeout.ms' = '800000',
    'key.format' = 'csv',
    'value.format' = 'csv',
    'value.fields-include' = 'ALL'
);
INSERT INTO IsoInternationalSalesRecordTable
SELECT
    invoice_id,
    user_id,
    product_id,
    CAST(quantity AS INT),
    currency_convert(unit_cost),
    purchase_time
FROM InternationalSalesRecordTable;

-- The same after YAML folding and flink-sql-runner's split on ';'

CREATE TABLE InternationalSalesRecordTable ( invoice_id STRING, user_id STRING, product_id STRING, quantity STRING, unit_cost STRING, `purchase_time` TIMESTAMP(3) METADATA FROM 'timestamp', WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND ) WITH ( 'connector' = 'kafka', 'topic' = 'flink.international.sales.records', 'properties.bootstrap.servers' = 'my-cluster-kafka-bootstrap.flink.svc:9092', 'properties.group.id' = 'international-sales-record-group', 'value.format' = 'avro-confluent', 'value.avro-confluent.url' = 'http://apicurio-registry-service.flink.svc:8080/apis/ccompat/v6', 'scan.startup.mode' = 'latest-offset' );

CREATE FUNCTION currency_convert AS 'com.github.streamshub.flink.functions.CurrencyConverter' USING JAR '/opt/flink-udf-currency-converter-1.0-SNAPSHOT.jar';

CREATE TABLE IsoInternationalSalesRecordTable ( invoice_id STRING, user_id STRING, product_id STRING, quantity INT, iso_unit_cost STRING, purchase_time TIMESTAMP(3), PRIMARY KEY (`user_id`) NOT ENFORCED ) WITH ( 'connector' = 'upsert-kafka', 'topic' = 'flink.iso.international.sales.records', 'properties.bootstrap.servers' = 'my-cluster-kafka-bootstrap.flink.svc:9092', 'properties.client.id' = 'sql-cleaning-client', 'properties.transaction.timeout.ms' = '800000', 'key.format' = 'csv', 'value.format' = 'csv', 'value.fields-include' = 'ALL' );

INSERT INTO IsoInternationalSalesRecordTable SELECT invoice_id, user_id, product_id, CAST(quantity AS INT), currency_convert(unit_cost), purchase_time FROM InternationalSalesRecordTable;
