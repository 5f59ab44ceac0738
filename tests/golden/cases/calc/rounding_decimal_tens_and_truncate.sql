-- ROUND(decimal, -1) and TRUNCATE(decimal, 1).
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

SELECT id, ROUND(m, -1) AS m_tens, TRUNCATE(m, 1) AS m_trunc1
FROM Numbers;
