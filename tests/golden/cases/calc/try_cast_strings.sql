-- TRY_CAST of strings to INT, DOUBLE, DECIMAL and BOOLEAN gives NULL where CAST would fail.
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

SELECT id, s, TRY_CAST(s AS INT) AS s_int, TRY_CAST(s AS DOUBLE) AS s_double,
       TRY_CAST(s AS DECIMAL(5, 1)) AS s_dec, TRY_CAST(s AS BOOLEAN) AS s_bool
FROM Numbers;
