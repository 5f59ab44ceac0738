-- error: One or more required options are missing
-- error: Missing required options are:
-- error: path
-- flink: ValidationException: One or more required options are missing. Missing required options are: path
CREATE TABLE t (id BIGINT) WITH ('connector' = 'filesystem', 'format' = 'csv');
SELECT * FROM t;
