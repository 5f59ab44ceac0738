-- A DISTINCT aggregate in MEASURES is rejected.
-- error: DISTINCT/ALL not allowed
-- flink: org.apache.calcite.sql.validate.SqlValidatorException: DISTINCT/ALL not allowed with COUNT(DISTINCT `B`.`price`) function

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

SELECT *
FROM Letters
MATCH_RECOGNIZE (
  PARTITION BY grp
  ORDER BY ts
  MEASURES
    COUNT(DISTINCT B.price) AS n
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+ C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
