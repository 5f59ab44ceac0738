-- error: Could not parse value 'fast' for key 'rows-per-second'
-- flink: IllegalArgumentException: Could not parse value 'fast' for key 'rows-per-second'. (caused by NumberFormatException: For input string: "fast")
CREATE TABLE t (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = 'fast');
SELECT * FROM t;
