-- SKIP TO FIRST A where A is the match's first row fails the job at run time.
-- error: Could not skip to first element of a match
-- flink: org.apache.flink.util.FlinkRuntimeException: Could not skip to first element of a match.

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
  AFTER MATCH SKIP TO FIRST A
  PATTERN (A B+ C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
