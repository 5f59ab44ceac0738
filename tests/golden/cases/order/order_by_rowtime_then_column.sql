-- Streaming ORDER BY event time, then another column.
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

SELECT sensor, reading, ts FROM LateReadings ORDER BY ts, reading DESC;
