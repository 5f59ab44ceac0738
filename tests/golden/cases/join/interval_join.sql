-- An interval join: each reading with the same sensor's higher readings in the next 5 s.
-- compare: fold

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

SELECT a.sensor, a.reading, b.reading AS later_reading
FROM Readings a, Readings b
WHERE a.sensor = b.sensor AND b.ts > a.ts AND b.ts <= a.ts + INTERVAL '5' SECOND
  AND a.reading < b.reading;
