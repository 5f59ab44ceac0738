-- LAG over a rowtime-ordered window: the previous reading per sensor.
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

SELECT sensor, ts, reading,
  LAG(reading) OVER (PARTITION BY sensor ORDER BY ts) AS prev_reading,
  reading - LAG(reading, 1, 0) OVER (PARTITION BY sensor ORDER BY ts) AS delta
FROM Readings;
