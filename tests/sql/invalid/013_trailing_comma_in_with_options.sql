-- error: Encountered ")"
-- error: line 6, column 1
-- flink: ParseException: Encountered ")" at line 5, column 1.
CREATE TABLE t (id BIGINT) WITH (
    'connector' = 'datagen',
);
