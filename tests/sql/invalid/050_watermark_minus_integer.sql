-- error: Cannot apply '-' to arguments of type
-- flink: SqlValidatorException: Cannot apply '-' to arguments of type '<TIMESTAMP(3)> - <INTEGER>'. Supported form(s): '<NUMERIC> - <NUMERIC>'
CREATE TABLE t (
    id BIGINT,
    ts TIMESTAMP(3),
    WATERMARK FOR ts AS ts - 5
) WITH ('connector' = 'datagen');
