-- A* can match no rows: ALL ROWS PER MATCH shows empty matches by default (SHOW EMPTY MATCHES).
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- From each start row: 1 -> A=1 (row 2 is no a); 2, 3, 4 -> empty; 5 -> A=5; 6, 7 -> empty; 8 -> A=8
-- (decided at the end of input). An empty match outputs one row: the starting row's input
-- columns, CLASSIFIER() NULL, COUNT(*) 0; every match, empty or not, takes a match number.
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
    COUNT(*) AS n
  ALL ROWS PER MATCH SHOW EMPTY MATCHES
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A*)
  DEFINE
    A AS name = 'a'
);
