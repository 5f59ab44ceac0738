-- Streaming ORDER BY the event-time column sorts on watermark progress.
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

SELECT sensor, reading, ts FROM Readings ORDER BY ts;
