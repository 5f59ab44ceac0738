-- ABS, MOD, POWER, SQRT, SIGN, FLOOR and CEIL over numbers of each type.
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

SELECT id, ABS(d) AS abs_d, MOD(i, 5) AS mod_5, POWER(d, 2) AS pow_2, SQRT(ABS(d)) AS sqrt_abs,
       SIGN(d) AS sign_d, FLOOR(d) AS floor_d, CEIL(d) AS ceil_d, FLOOR(m) AS floor_m, CEIL(m) AS ceil_m,
       ABS(m) AS abs_m
FROM Numbers
WHERE id <> 6;
