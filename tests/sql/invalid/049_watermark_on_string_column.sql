-- error: Invalid data type of time field for watermark definition
-- error: STRING
-- flink: ValidationException: Invalid data type of time field for watermark definition. The field must be of type TIMESTAMP(p) or TIMESTAMP_LTZ(p), the supported precision 'p' is from 0 to 3, but the time field type is STRING
CREATE TABLE t (
    id BIGINT,
    event_time STRING,
    WATERMARK FOR event_time AS event_time
) WITH ('connector' = 'datagen');
