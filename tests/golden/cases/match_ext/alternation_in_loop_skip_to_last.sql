-- A quantified alternation and AFTER MATCH SKIP TO LAST A (A appears twice in the pattern).
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- Start 1: A=1, (B|C)+ takes 2 (B), 3 (B), 4 (C), stops at row 5 (a), A=5: rows 1-5.
-- SKIP TO LAST A resumes at row 5: A=5, (B|C)+ takes 6 (C), 7 (B), A=8: rows 5-8.
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
  'path' = '${SCRIPT_DIR}/data/seq.csv',
  'format' = 'csv'
);

SELECT *
FROM Letters
MATCH_RECOGNIZE (
  PARTITION BY grp
  ORDER BY ts
  MEASURES
    FIRST(id) AS first_id,
    LAST(id) AS last_id,
    COUNT(C.id) AS n_c,
    MATCH_NUMBER() AS mno
  AFTER MATCH SKIP TO LAST A
  PATTERN (A (B | C)+ A)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
