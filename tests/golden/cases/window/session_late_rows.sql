-- SESSION TVF over out-of-order rows, 3 s gap per sensor.
-- compare: raw

CREATE TABLE LateReadings (
  sensor STRING,
  reading INT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/readings_ooo.csv',
  'format' = 'csv'
);

SELECT window_start, window_end, sensor, COUNT(*) AS n, SUM(reading) AS total
FROM TABLE(SESSION(TABLE LateReadings PARTITION BY sensor, DESCRIPTOR(ts), INTERVAL '3' SECOND))
GROUP BY window_start, window_end, sensor;
