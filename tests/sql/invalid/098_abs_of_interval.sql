-- error: Unsupported call: ABS(INTERVAL SECOND(3) NOT NULL)
-- flink: TableException: Unsupported call: ABS(INTERVAL SECOND(3) NOT NULL)
CREATE TABLE s (a INT, d DECIMAL(10, 2), ts TIMESTAMP(3), lt TIMESTAMP_LTZ(3)) WITH ('connector' = 'datagen');
SELECT ABS(INTERVAL '1' SECOND) FROM s;
