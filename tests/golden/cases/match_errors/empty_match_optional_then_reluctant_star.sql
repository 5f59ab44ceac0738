-- `A? B*?` can match no rows and is rejected.
-- error: Patterns that can produce empty matches are not supported
-- flink: org.apache.flink.table.api.TableException: Patterns that can produce empty matches are not supported. There must be at least one non-optional state.

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
    COUNT(A.id) AS n
  PATTERN (A? B*?)
  DEFINE
    A AS name = 'a',
    B AS name = 'b'
);
