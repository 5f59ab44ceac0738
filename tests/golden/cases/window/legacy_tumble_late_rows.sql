-- Legacy GROUP BY TUMBLE over out-of-order rows.
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

SELECT TUMBLE_START(ts, INTERVAL '5' SECOND) AS wstart, COUNT(*) AS n, SUM(reading) AS total
FROM LateReadings
GROUP BY TUMBLE(ts, INTERVAL '5' SECOND);
