-- The StreamsHub user-defined-functions tutorial as one flinklite script.
--
-- Creates the tutorial's international sales table and upsert-kafka sink exactly as written,
-- EXPLAINs the plain-SQL currency query (CASE, LEFT, SUBSTRING, CONCAT) and registers the Java
-- function as the tutorial does. The queries calling currency_convert are left out: the
-- function is Java code in a JAR, which flinklite cannot run (it says so if you try).
-- Run it with:  flinklite -f sql/user_defined_functions.sql

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

EXPLAIN
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

EXPLAIN
SELECT * FROM InternationalSalesRecordTable;

CREATE TEMPORARY FUNCTION currency_convert
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
    'topic' = 'flink.iso.international.sales.records.interactive',
    'properties.bootstrap.servers' = 'my-cluster-kafka-bootstrap.flink.svc:9092',
    'properties.client.id' = 'sql-cleaning-client',
    'properties.transaction.timeout.ms' = '800000',
    'key.format' = 'csv',
    'value.format' = 'csv',
    'value.fields-include' = 'ALL'
);
