-- error: Invalid metadata key 'timestamp' in column 'ts'
-- flink: ValidationException: Invalid metadata key 'timestamp' in column 'ts' of table 'default_catalog.default_database.t'. The DynamicTableSource class 'org.apache.flink.connector.file.table.FileSystemTableSource' supports the followi...
CREATE TABLE t (
    id BIGINT,
    ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp'
) WITH ('connector' = 'filesystem', 'path' = '/tmp/t', 'format' = 'csv');
SELECT * FROM t;
