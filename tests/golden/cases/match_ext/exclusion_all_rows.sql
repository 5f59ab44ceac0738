-- Exclusion {- B+ -}: the excluded rows belong to the match (measures see them) but are not
-- output by ALL ROWS PER MATCH.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- The match is rows 1-4 (A=1, B=2,3, C=4); rows 2 and 3 are excluded. RUNNING COUNT(B.id) is 0
-- on row 1 and 2 on row 4; FINAL COUNT(*) is 4.
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
    COUNT(B.id) AS n_b,
    FINAL COUNT(*) AS n
  ALL ROWS PER MATCH
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A {- B+ -} C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
