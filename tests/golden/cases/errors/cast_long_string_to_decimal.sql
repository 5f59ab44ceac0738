-- CAST of a string with more digits than DECIMAL(38) holds fails the job, as in Flink.
-- error: Overflow
-- flink: java.lang.NumberFormatException: For input string: '7777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777771'. Overflow.

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

SELECT id, CAST(CONCAT(REPEAT('7', 150), CAST(id AS STRING)) AS DECIMAL(38, 0)) AS too_long
FROM Numbers;
