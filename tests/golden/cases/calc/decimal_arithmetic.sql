-- DECIMAL arithmetic: result precision and scale of +, *, /, mixing with INT and DOUBLE.
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

SELECT id, m + m AS add, m * m AS mul, m / 3 AS div3, m * 2.5 AS mul_2_5, m + 1 AS plus_int,
       m + d AS plus_double, CAST(m AS DECIMAL(5, 1)) AS m_5_1
FROM Numbers
WHERE id <> 4;
