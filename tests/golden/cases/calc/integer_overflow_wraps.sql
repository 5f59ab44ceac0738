-- INT and BIGINT arithmetic wraps on overflow.
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

SELECT id, i + 1 AS i_plus_1, i * 2 AS i_times_2, i - 1 AS i_minus_1, b + 1 AS b_plus_1, -i AS neg_i
FROM Numbers
WHERE id IN (4, 6);
