-- csv.ignore-parse-errors: a blank line is a row of one empty field (the rest NULL); a quote left open to the end of the file swallows the rest and is skipped.

CREATE TABLE Pairs (
  k STRING,
  n INT
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/csv_open_quote.csv',
  'format' = 'csv',
  'csv.ignore-parse-errors' = 'true'
);

SELECT * FROM Pairs;
