-- error: Could not find any format factory for identifier 'xml'
-- flink: ValidationException: Could not find any format factory for identifier 'xml' in the classpath.
CREATE TABLE t (id BIGINT) WITH ('connector' = 'filesystem', 'path' = '/tmp/t', 'format' = 'xml');
SELECT * FROM t;
