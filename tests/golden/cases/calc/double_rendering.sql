-- DOUBLE values as Flink prints them: tiny, huge, thirds, 0.1 + 0.2.
-- compare: raw

CREATE TABLE Numbers (
  id INT,
  i INT,
  b BIGINT,
  d DOUBLE,
  m DECIMAL(10, 3),
  s STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/numbers.csv',
  'format' = 'csv'
);

SELECT id, d, d / 3 AS third, d * 1e10 AS times_1e10, d + 0.2 AS plus_0_2, CAST(d AS FLOAT) AS as_float,
       CAST(i AS DOUBLE) / 7 AS i_sevenths
FROM Numbers;
