-- json.ignore-parse-errors into DECIMAL(38, 0): numbers past 1,000 characters skip their record; 1,000 nines overflow to NULL; 31 digits fit.

CREATE TABLE Numbers (
  s STRING,
  n DECIMAL(38, 0)
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/json_long_numbers.jsonl',
  'format' = 'json',
  'json.ignore-parse-errors' = 'true'
);

SELECT * FROM Numbers;
