-- CUMULATE window TVF: 5 s steps up to 15 s.
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

SELECT window_start, window_end, COUNT(*) AS n, SUM(reading) AS total
FROM TABLE(CUMULATE(TABLE Readings, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND))
GROUP BY window_start, window_end;
