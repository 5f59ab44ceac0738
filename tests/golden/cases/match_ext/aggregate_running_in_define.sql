-- Aggregates in DEFINE see the rows mapped so far plus the current row (RUNNING).
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- B AS SUM(B.price) < 30 with ALL ROWS PER MATCH: start 1: A=1, B=2 (12), B=3 would make 26 < 30,
-- row 4 would make 37: B+ stops, C=4 (c): rows 1-4; RUNNING SUM(B.price): NULL, 12, 26, 26.
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
    SUM(B.price) AS sum_b
  ALL ROWS PER MATCH
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+ C)
  DEFINE
    A AS name = 'a',
    B AS SUM(B.price) < 30,
    C AS name = 'c'
);
