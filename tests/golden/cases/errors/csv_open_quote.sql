-- A quote left open to the end of a CSV file fails the job.
-- error: Missing closing quote
-- flink: org.apache.flink.shaded.jackson2.com.fasterxml.jackson.core.JsonParseException: Missing closing quote for value

CREATE TABLE Pairs (
  k STRING,
  n INT
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/csv_only_open_quote.csv',
  'format' = 'csv'
);

SELECT * FROM Pairs;
