-- Legacy GROUP BY HOP with HOP_START and HOP_END.
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

SELECT HOP_START(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND) AS wstart,
       HOP_END(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND) AS wend, COUNT(*) AS n
FROM Readings
GROUP BY HOP(ts, INTERVAL '5' SECOND, INTERVAL '10' SECOND);
