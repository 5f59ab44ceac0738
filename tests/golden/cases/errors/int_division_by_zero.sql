-- INT division by zero fails the job at run time.
-- error: by zero
-- flink: java.lang.ArithmeticException: / by zero

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

SELECT id, i / (id - id) FROM Numbers;
