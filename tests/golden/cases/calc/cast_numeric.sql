-- CAST between numeric types: DOUBLE and DECIMAL to INT truncate; narrowing wraps.
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

SELECT id, CAST(d AS INT) AS d_int, CAST(d AS BIGINT) AS d_bigint, CAST(m AS INT) AS m_int,
       CAST(i AS DOUBLE) AS i_double, CAST(i AS DECIMAL(12, 2)) AS i_dec, CAST(b AS INT) AS b_int,
       CAST(i AS TINYINT) AS i_tinyint, CAST(m AS DOUBLE) AS m_double
FROM Numbers
WHERE id <> 4;
