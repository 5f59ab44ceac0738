-- Arithmetic in a projection over INT, BIGINT, DOUBLE and DECIMAL columns.
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

SELECT id, i + 1 AS i_plus_1, i * 2 AS i_times_2, b - 1 AS b_minus_1, d * 2 AS d_times_2,
       m + 1 AS m_plus_1, -i AS neg_i, i + b AS int_plus_bigint, i + d AS int_plus_double
FROM Numbers
WHERE id IN (1, 2, 3, 5);
