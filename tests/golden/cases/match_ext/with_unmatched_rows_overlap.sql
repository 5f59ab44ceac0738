-- WITH UNMATCHED ROWS and SKIP TO NEXT ROW: a row inside a match is not unmatched even if no
-- match starts at it.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- B C? with TO NEXT ROW: start 1 fails (unmatched); 2 -> B=2 (row 3 is no c, C? empty);
-- 3 -> B=3, C=4; 4 lies in match 2 and starts none: not output; 5, 6 unmatched; 7 -> B=7; 8 unmatched.
-- C? at the end of the pattern is greedy: each match is decided by the next row.
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
    CLASSIFIER() AS cls,
    MATCH_NUMBER() AS mno
  ALL ROWS PER MATCH WITH UNMATCHED ROWS
  AFTER MATCH SKIP TO NEXT ROW
  PATTERN (B C?)
  DEFINE
    B AS name = 'b',
    C AS name = 'c'
);
