-- error: time attribute column
-- error: TIMESTAMP(3)
-- flink: TableException: Window aggregate can only be defined over a time attribute column, but TIMESTAMP(3) encountered.
CREATE TABLE t (id BIGINT, ts TIMESTAMP(3)) WITH ('connector' = 'datagen');
SELECT TUMBLE_START(ts, INTERVAL '1' MINUTE), COUNT(*)
FROM t
GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE);
