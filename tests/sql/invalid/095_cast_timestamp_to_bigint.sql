-- error: The cast from TIMESTAMP type to NUMERIC type is not allowed
-- flink: ValidationException: The cast from TIMESTAMP type to NUMERIC type is not allowed. It's recommended to use UNIX_TIMESTAMP(CAST(timestamp_col AS STRING)) instead.
CREATE TABLE s (a INT, d DECIMAL(10, 2), ts TIMESTAMP(3), lt TIMESTAMP_LTZ(3)) WITH ('connector' = 'datagen');
SELECT CAST(ts AS BIGINT) FROM s;
