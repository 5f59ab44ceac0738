-- A SUBSET variable in DEFINE (RUNNING: the rows mapped so far).
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- U = (A, B). C AS price < MAX(U.price): start 1: A=1, B=2,3 (U max 14), C=4 (11 < 14): match.
-- Start 5: A=5, no b at row 6: no match. ALL ROWS PER MATCH shows the rows.
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
    MAX(U.price) AS max_u
  ALL ROWS PER MATCH
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+ C)
  SUBSET U = (A, B)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS price < MAX(U.price)
);
