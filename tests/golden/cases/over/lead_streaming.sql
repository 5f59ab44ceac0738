-- LEAD in stream mode: Flink 2.3 refuses it.
-- error: LEAD Function is not supported in stream mode
-- flink: org.apache.flink.table.api.TableException: LEAD Function is not supported in stream mode.

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

SELECT sensor, LEAD(reading) OVER (PARTITION BY sensor ORDER BY ts) AS next_reading FROM Readings;
