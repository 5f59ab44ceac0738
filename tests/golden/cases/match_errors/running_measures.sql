-- RUNNING semantics in MEASURES are not supported.
-- error: Unsupported call: RUNNING
-- flink: org.apache.flink.table.planner.codegen.CodeGenException: Unsupported call: RUNNING(INT)

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
    RUNNING LAST(B.id) AS last_b
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+ C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
