-- Without ignore-parse-errors a blank CSV line fails the job before the open quote after it.
-- error: Row length mismatch. 2 fields expected but was 1
-- flink: java.lang.RuntimeException: Row length mismatch. 2 fields expected but was 1.

CREATE TABLE Pairs (
  k STRING,
  n INT
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/csv_open_quote.csv',
  'format' = 'csv'
);

SELECT * FROM Pairs;
