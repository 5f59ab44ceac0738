-- error: The cast from NUMERIC type to TIMESTAMP_LTZ type is not allowed
-- flink: ValidationException: The cast from NUMERIC type to TIMESTAMP_LTZ type is not allowed. It's recommended to use TO_TIMESTAMP_LTZ(numeric_col, precision) instead.
CREATE TABLE s (a INT, d DECIMAL(10, 2), ts TIMESTAMP(3), lt TIMESTAMP_LTZ(3)) WITH ('connector' = 'datagen');
SELECT CAST(a AS TIMESTAMP_LTZ(3)) FROM s;
