-- A window TVF over a column that is not a time attribute is rejected.
-- error: time attribute
-- flink: org.apache.flink.table.api.ValidationException: The window function requires the timecol is a time attribute type, but is TIMESTAMP(3).

CREATE TABLE Times (
  id INT,
  ts TIMESTAMP(3),
  ts6 TIMESTAMP(6),
  dt DATE,
  tm TIME(0)
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/times.jsonl',
  'format' = 'json'
);

SELECT window_start, COUNT(*)
FROM TABLE(TUMBLE(TABLE Times, DESCRIPTOR(ts), INTERVAL '1' HOUR))
GROUP BY window_start, window_end;
