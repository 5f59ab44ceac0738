-- Legacy GROUP BY SESSION with SESSION_START and SESSION_END.
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

SELECT sensor, SESSION_START(ts, INTERVAL '4' SECOND) AS wstart, SESSION_END(ts, INTERVAL '4' SECOND) AS wend,
       COUNT(*) AS n, SUM(reading) AS total
FROM Readings
GROUP BY sensor, SESSION(ts, INTERVAL '4' SECOND);
