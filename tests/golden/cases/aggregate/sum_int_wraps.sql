-- SUM over INT wraps on overflow; over BIGINT it does not.
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

SELECT SUM(i) AS sum_int, SUM(CAST(i AS BIGINT)) AS sum_bigint FROM Numbers;
