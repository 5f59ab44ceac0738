-- The StreamsHub anomaly-detection tutorial's job on a Kafka broker, as one flinklite script.
--
-- Creates the tutorial's Kafka source (SalesRecordTable, Avro through the schema registry) and
-- upsert-kafka sink (UnusualSalesRecordTable) exactly as the tutorial writes them, hosts aside,
-- then starts the job that persists the unusual sales found by MATCH_RECOGNIZE. The job runs
-- until stopped (Ctrl-C), reading sales written after it starts ('latest-offset').
--
-- The hosts are script variables (a flinklite extension): ${kafka.bootstrap} defaults to
-- localhost:9092, ${registry.url} to http://localhost:8081/apis/ccompat/v6. A local run, each
-- command in its own terminal (docs/tutorial-on-kafka.md walks through it):
--   scripts/kafka/start.sh                      # the broker, at 127.0.0.1:9092
--   flinklite registry                          # the schema registry, at localhost:8081
--   flinklite -f sql/anomaly_detection_kafka.sql
--   flinklite datagen sales --registry http://localhost:8081/apis/ccompat/v6
--   flinklite topic tail flink.unusual.sales.records.interactive --key
-- Elsewhere: flinklite -D kafka.bootstrap=HOST:PORT -D registry.url=URL -f ...

CREATE TABLE SalesRecordTable (
    invoice_id STRING,
    user_id STRING,
    product_id STRING,
    quantity STRING,
    unit_cost STRING,
    `purchase_time` TIMESTAMP(3) METADATA FROM 'timestamp',
    WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
    'connector' = 'kafka',
    'topic' = 'flink.sales.records',
    'properties.bootstrap.servers' = '${kafka.bootstrap:-localhost:9092}',
    'properties.group.id' = 'sales-record-group',
    'value.format' = 'avro-confluent',
    'value.avro-confluent.url' = '${registry.url:-http://localhost:8081/apis/ccompat/v6}',
    'scan.startup.mode' = 'latest-offset'
);

CREATE TABLE UnusualSalesRecordTable (
    user_id STRING,
    unusual_invoice_id STRING,
    unusual_quantity INT,
    unusual_tstamp TIMESTAMP(3),
    avg_quantity INT,
    avg_first_sale_tstamp TIMESTAMP(3),
    avg_last_sale_tstamp TIMESTAMP(3),
    PRIMARY KEY (`user_id`) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = 'flink.unusual.sales.records.interactive',
    'properties.bootstrap.servers' = '${kafka.bootstrap:-localhost:9092}',
    'properties.client.id' = 'sql-cleaning-client',
    'properties.transaction.timeout.ms' = '800000',
    'key.format' = 'csv',
    'value.format' = 'csv',
    'value.fields-include' = 'ALL'
);

-- The job itself: persist the unusual sales to the upsert-kafka sink.
INSERT INTO UnusualSalesRecordTable
SELECT *
FROM SalesRecordTable
MATCH_RECOGNIZE (
    PARTITION BY user_id
    ORDER BY purchase_time
    MEASURES
        UNUSUAL_SALE.invoice_id AS unusual_invoice_id,
        CAST(UNUSUAL_SALE.quantity AS INT) AS unusual_quantity,
        UNUSUAL_SALE.purchase_time AS unusual_tstamp,
        AVG(CAST(TYPICAL_SALE.quantity AS INT)) AS avg_quantity,
        FIRST(TYPICAL_SALE.purchase_time) AS avg_first_sale_tstamp,
        LAST(TYPICAL_SALE.purchase_time) AS avg_last_sale_tstamp
    ONE ROW PER MATCH
    AFTER MATCH SKIP PAST LAST ROW
    PATTERN (TYPICAL_SALE+? UNUSUAL_SALE) WITHIN INTERVAL '10' SECOND
    DEFINE
        UNUSUAL_SALE AS
            UNUSUAL_SALE.quantity > AVG(CAST(TYPICAL_SALE.quantity AS INT)) * 3
);
