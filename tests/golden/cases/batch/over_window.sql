-- Batch mode: a running SUM over window.
-- compare: multiset

SET 'execution.runtime-mode' = 'batch';

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

SELECT sensor, ts, SUM(reading) OVER (PARTITION BY sensor ORDER BY ts) AS running_total FROM Readings;
