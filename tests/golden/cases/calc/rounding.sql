-- ROUND and TRUNCATE on DOUBLE.
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

SELECT id, ROUND(d, 0) AS d_0, ROUND(d, 1) AS d_1, TRUNCATE(d, 0) AS d_trunc0
FROM Numbers
WHERE id <> 4;
