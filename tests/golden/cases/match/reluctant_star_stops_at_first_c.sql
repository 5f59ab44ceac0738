-- Reluctant `B*?` with overlapping B and C conditions.
-- compare: raw

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
  PATTERN (A B*? C)
  DEFINE
    A AS name = 'a',
    B AS name <> 'a' AND price < 26,
    C AS name = 'c'
);
