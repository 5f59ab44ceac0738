-- An aggregate over NULLs in DEFINE: SUM of only NULLs is NULL.
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
    A.id AS a_id,
    SUM(B.v) AS sum_b,
    C.id AS c_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+ C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b' AND (SUM(B.v) IS NULL OR SUM(B.v) < 6),
    C AS name = 'c'
);
