-- A greedy `*` on the last variable is rejected.
-- error: Greedy quantifiers are not allowed as the last element
-- flink: org.apache.flink.table.api.TableException: Greedy quantifiers are not allowed as the last element of a Pattern yet. Finish your pattern with either a simple variable or reluctant quantifier.

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
  PATTERN (A B*)
  DEFINE
    A AS name = 'a',
    B AS name = 'b'
);
