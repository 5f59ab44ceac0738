-- CAST of a non-numeric string to INT fails the job at run time.
-- error: NumberFormatException
-- flink: java.lang.NumberFormatException: For input string: 'x1'. Invalid character found.

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

SELECT id, CAST(s AS INT) FROM Numbers;
