-- Legacy GROUP BY TUMBLE with TUMBLE_START, TUMBLE_END and TUMBLE_ROWTIME.
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

SELECT sensor, TUMBLE_START(ts, INTERVAL '10' SECOND) AS wstart, TUMBLE_END(ts, INTERVAL '10' SECOND) AS wend,
       TUMBLE_ROWTIME(ts, INTERVAL '10' SECOND) AS wtime, COUNT(*) AS n
FROM Readings
GROUP BY sensor, TUMBLE(ts, INTERVAL '10' SECOND);
