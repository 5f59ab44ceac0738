-- PERMUTE(A, B, C) matches the variables in any order, trying the orders lexicographically.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- Start 1: A=1, B=2, C needs row 3 (b): no; the other orders fail too. Start 2: B=2, then A/C at
-- row 3 (b) fail. Start 3: order B C A: B=3, C=4, A=5. Start 6: C A B fails at row 7,
-- C B A: C=6, B=7, A=8.
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
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (PERMUTE(A, B, C))
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
