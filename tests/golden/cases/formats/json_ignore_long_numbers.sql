-- json.ignore-parse-errors: a number longer than Jackson's 1,000 characters skips its record; one that does not fit the column is NULL.

CREATE TABLE Numbers (
  s STRING,
  n INT
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/json_long_numbers.jsonl',
  'format' = 'json',
  'json.ignore-parse-errors' = 'true'
);

SELECT * FROM Numbers;
