-- The TUMBLE TVF alone appends window_start, window_end and window_time to each row.
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

SELECT * FROM TABLE(TUMBLE(TABLE Readings, DESCRIPTOR(ts), INTERVAL '10' SECOND));
