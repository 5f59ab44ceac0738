-- Greedy B+ as the last element with ALL ROWS PER MATCH.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- B+: start 2: B=2,3 (row 4 is c); starts 4..6 fail; start 7: B=7 (row 8 is a).
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
    MATCH_NUMBER() AS mno,
    FINAL COUNT(*) AS n
  ALL ROWS PER MATCH
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (B+)
  DEFINE
    B AS name = 'b'
);
