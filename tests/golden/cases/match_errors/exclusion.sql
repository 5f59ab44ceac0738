-- Exclusion `{- B -}` is rejected.
-- error: doesn't support '{-' '-}' patterns
-- flink: org.apache.flink.table.api.TableException: Expression not supported: PATTERN_EXCLUDE(_UTF-16LE'B'). Currently, CEP doesn't support '{-' '-}' patterns.

SET 'flinklite.flink-compatible' = 'true';

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
    A.id AS a_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A {- B -} C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
