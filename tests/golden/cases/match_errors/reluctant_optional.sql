-- The reluctant optional quantifier `??` is rejected.
-- error: Reluctant optional variables are not supported yet
-- flink: org.apache.flink.table.api.TableException: Reluctant optional variables are not supported yet.

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
    A.id AS a_id,
    FIRST(B.id) AS first_b,
    LAST(B.id) AS last_b,
    COUNT(B.id) AS b_count,
    C.id AS c_id
  PATTERN (A B?? C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
