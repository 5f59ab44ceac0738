-- OVER window over out-of-order rows: late rows are dropped.
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

SELECT sensor, ts, reading,
       SUM(reading) OVER (PARTITION BY sensor ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS last_two
FROM LateReadings;
