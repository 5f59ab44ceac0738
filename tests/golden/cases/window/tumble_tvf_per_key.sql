-- TUMBLE window TVF grouped by window and sensor, with window_time.
-- compare: raw

CREATE TABLE Readings (
  sensor STRING,
  reading INT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/readings.csv',
  'format' = 'csv'
);

SELECT window_start, window_end, window_time, sensor, COUNT(*) AS n, MAX(reading) AS top
FROM TABLE(TUMBLE(TABLE Readings, DESCRIPTOR(ts), INTERVAL '10' SECOND))
GROUP BY window_start, window_end, window_time, sensor;
