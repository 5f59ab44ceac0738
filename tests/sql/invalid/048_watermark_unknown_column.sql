-- error: The rowtime attribute field 'ts' is not defined in the table schema
-- flink: ValidationException: The rowtime attribute field 'ts' is not defined in the table schema, at line 5, column 19
CREATE TABLE t (
    id BIGINT,
    event_time TIMESTAMP(3),
    WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
