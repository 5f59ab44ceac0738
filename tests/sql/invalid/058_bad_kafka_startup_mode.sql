-- error: value 'earliest'
-- error: 'scan.startup.mode'
-- flink: not confirmed (the oracle has no Kafka connector); Flink's FactoryUtil reports "Invalid value for option 'scan.startup.mode'." caused by "Could not parse value 'earliest' for key 'scan.startup.mode'."
CREATE TABLE t (id BIGINT) WITH (
    'connector' = 'kafka',
    'topic' = 'orders',
    'properties.bootstrap.servers' = 'localhost:9092',
    'scan.startup.mode' = 'earliest',
    'format' = 'json'
);
SELECT * FROM t;
