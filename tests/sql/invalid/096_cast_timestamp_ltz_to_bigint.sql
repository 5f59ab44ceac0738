-- error: The cast from TIMESTAMP_LTZ type to NUMERIC type is not allowed
-- flink: ValidationException: The cast from TIMESTAMP_LTZ type to NUMERIC type is not allowed.
CREATE TABLE s (a INT, d DECIMAL(10, 2), ts TIMESTAMP(3), lt TIMESTAMP_LTZ(3)) WITH ('connector' = 'datagen');
SELECT CAST(lt AS BIGINT) FROM s;
