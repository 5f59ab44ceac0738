-- INT / INT is an integer division truncating toward zero; % and MOD keep the dividend's sign.
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

SELECT id, i / 2 AS i_div_2, i / -2 AS i_div_m2, b / 3 AS b_div_3, i % 3 AS i_mod_3, MOD(i, -3) AS i_mod_m3,
       d / 2 AS d_div_2, i / 2.0 AS i_div_2_0
FROM Numbers
WHERE id <> 6;
