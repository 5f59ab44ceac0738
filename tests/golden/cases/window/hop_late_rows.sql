-- HOP TVF over out-of-order rows.
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

SELECT window_start, window_end, COUNT(*) AS n, SUM(reading) AS total
FROM TABLE(HOP(TABLE LateReadings, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
