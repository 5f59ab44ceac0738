-- ALL ROWS PER MATCH with CLASSIFIER() and MATCH_NUMBER() (extensions: Flink rejects both).
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- Derived by hand: A B+ C matches rows 1-4 (A=1, B=2,3, C=4); starts 5..8 find no match
-- (5: no b after it; 8: the input ends). ALL ROWS PER MATCH outputs every row of the match:
-- partition column, ORDER BY column, measures (RUNNING), then the other input columns.
-- CLASSIFIER() is the variable of each row (standard 4.18), MATCH_NUMBER() numbers matches from 1.
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
  PATTERN (A B+ C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
