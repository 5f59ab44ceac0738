-- error: time attribute type, but is TIMESTAMP(3)
-- flink: ValidationException: The window function requires the timecol is a time attribute type, but is TIMESTAMP(3).
CREATE TABLE t (id BIGINT, ts TIMESTAMP(3)) WITH ('connector' = 'datagen');
SELECT window_start, COUNT(*)
FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end;
