-- A reluctant `C*?` directly after a greedy `B*` is rejected.
-- error: Optional pattern cannot be preceded by greedy pattern
-- flink: org.apache.flink.cep.pattern.MalformedPatternException: Optional pattern cannot be preceded by greedy pattern

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
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B* C*? D)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c',
    D AS name = 'a'
);
