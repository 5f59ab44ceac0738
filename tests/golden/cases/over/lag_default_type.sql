-- LAG with a default of another type: Flink 2.3 asks for a cast.
-- error: Please explicitly cast default value
-- flink: org.apache.flink.table.api.TableException: Please explicitly cast default value CHAR(4) NOT NULL to INT NOT NULL.

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

SELECT sensor, LAG(reading, 1, 'none') OVER (PARTITION BY sensor ORDER BY ts) AS prev_reading FROM Readings;
