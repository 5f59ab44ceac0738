-- error: Encountered ")"
-- error: line 7, column 1
-- flink: ParseException: Encountered ")" at line 6, column 1.
CREATE TABLE t (
    id BIGINT,
    name STRING,
) WITH ('connector' = 'datagen');
