-- TRY_CAST of strings with more digits than a DECIMAL holds, and CASTs at the edges of one.
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

SELECT id,
       TRY_CAST(CONCAT(REPEAT('7', 150), CAST(id AS STRING)) AS DECIMAL(38, 0)) AS try_too_long,
       TRY_CAST(CONCAT(REPEAT('9', 38), '.5') AS DECIMAL(38, 0)) AS rounds_over,
       CAST(CONCAT(REPEAT('9', 37), '.4') AS DECIMAL(38, 0)) AS rounds_in,
       CAST(CONCAT('0.', REPEAT('0', 150), '1') AS DECIMAL(10, 2)) AS tiny
FROM Numbers
WHERE id <> 4;
