-- error: The cast from NUMERIC type to TIMESTAMP type is not allowed
-- flink: ValidationException: The cast from NUMERIC type to TIMESTAMP type is not allowed. It's recommended to use TO_TIMESTAMP(FROM_UNIXTIME(numeric_col)) instead, note the numeric is in seconds.
CREATE TABLE s (a INT, d DECIMAL(10, 2), ts TIMESTAMP(3), lt TIMESTAMP_LTZ(3)) WITH ('connector' = 'datagen');
SELECT CAST(d AS TIMESTAMP(3)) FROM s;
