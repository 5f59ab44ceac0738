-- error: Unsupported options found for 'datagen'
-- error: rows-per-minute
-- flink: ValidationException: Unsupported options found for 'datagen'. Unsupported options: rows-per-minute
CREATE TABLE t (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-minute' = '5');
SELECT * FROM t;
