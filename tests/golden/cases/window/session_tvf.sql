-- SESSION window TVF per sensor with a 4 s gap.
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

SELECT window_start, window_end, sensor, COUNT(*) AS n, SUM(reading) AS total
FROM TABLE(SESSION(TABLE Readings PARTITION BY sensor, DESCRIPTOR(ts), INTERVAL '4' SECOND))
GROUP BY window_start, window_end, sensor;
