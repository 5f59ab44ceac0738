-- error: Could not find any factory for identifier 'kafak'
-- flink: ValidationException: Could not find any factory for identifier 'kafak' that implements 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.
CREATE TABLE t (id BIGINT) WITH ('connector' = 'kafak', 'topic' = 'x');
SELECT * FROM t;
