-- LAG with an offset of two and a default of the value's type, next to a running SUM.
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

SELECT sensor, ts,
  LAG(reading, 2, -1) OVER w AS two_back,
  SUM(reading) OVER w AS running_sum
FROM Readings
WINDOW w AS (PARTITION BY sensor ORDER BY ts);
