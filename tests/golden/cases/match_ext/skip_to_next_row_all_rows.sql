-- SKIP TO NEXT ROW lets matches overlap; ALL ROWS PER MATCH outputs a row once per match.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- B+ C: start 2: B=2,3, C=4 (match 1); start 3: B=3, C=4 (match 2); start 7: no c follows.
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
  ALL ROWS PER MATCH
  AFTER MATCH SKIP TO NEXT ROW
  PATTERN (B+ C)
  DEFINE
    B AS name = 'b',
    C AS name = 'c'
);
