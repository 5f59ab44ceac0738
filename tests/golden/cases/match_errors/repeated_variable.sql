-- A variable may appear once in the pattern.
-- error: Pattern variables must be unique
-- flink: org.apache.flink.table.api.TableException: Pattern variables must be unique. That might change in the future.

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
    B.id AS b_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B A)
  DEFINE
    A AS name = 'a',
    B AS name = 'b'
);
