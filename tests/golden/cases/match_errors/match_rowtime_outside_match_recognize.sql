-- MATCH_ROWTIME() outside MATCH_RECOGNIZE is rejected.
-- error: can only be used in MATCH_RECOGNIZE
-- flink: org.apache.calcite.sql.validate.SqlValidatorException: Function 'MATCH_ROWTIME()' can only be used in MATCH_RECOGNIZE

CREATE TABLE Letters (
  id INT,
  grp STRING,
  name STRING,
  price INT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/match_letters.csv',
  'format' = 'csv'
);

SELECT id, MATCH_ROWTIME() AS t FROM Letters;
