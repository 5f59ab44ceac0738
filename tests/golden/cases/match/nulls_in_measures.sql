-- NULLs in measures: aggregates skip them, FIRST/LAST return them, an all-NULL SUM is NULL.
-- compare: raw

CREATE TABLE Nullable (
  id INT,
  name STRING,
  v INT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/match_nulls.jsonl',
  'format' = 'json'
);

SELECT *
FROM Nullable
MATCH_RECOGNIZE (
  ORDER BY ts
  MEASURES
    A.v AS a_v,
    SUM(B.v) AS sum_b,
    COUNT(B.v) AS count_b_v,
    COUNT(B.id) AS count_b,
    AVG(B.v) AS avg_b,
    MIN(B.v) AS min_b,
    MAX(B.v) AS max_b,
    FIRST(B.v) AS first_b,
    LAST(B.v) AS last_b,
    C.v AS c_v
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+ C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
