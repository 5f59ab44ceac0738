-- error: TIMESTAMP_LTZ only supports diff between the same type
-- flink: CodeGenException: TIMESTAMP_LTZ only supports diff between the same type.
CREATE TABLE s (a INT, d DECIMAL(10, 2), ts TIMESTAMP(3), lt TIMESTAMP_LTZ(3)) WITH ('connector' = 'datagen');
SELECT TIMESTAMPDIFF(SECOND, ts, lt) FROM s;
