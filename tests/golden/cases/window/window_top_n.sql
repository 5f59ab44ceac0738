-- Window Top-N: the sensor with the highest total per 10 s window.
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

SELECT window_start, window_end, sensor, total
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY total DESC) AS rn
  FROM (
    SELECT window_start, window_end, sensor, SUM(reading) AS total
    FROM TABLE(TUMBLE(TABLE Readings, DESCRIPTOR(ts), INTERVAL '10' SECOND))
    GROUP BY window_start, window_end, sensor
  )
)
WHERE rn <= 1;
