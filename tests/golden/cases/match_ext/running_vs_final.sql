-- RUNNING and FINAL in ALL ROWS PER MATCH measures (standard: RUNNING is the default).
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- Derived by hand: one match, rows 1-4 (A, B, B, C). RUNNING LAST(B.price) is B's last row up
-- to the current row (NULL on row 1); FINAL LAST(B.price) is 14 on every row; RUNNING COUNT(*)
-- counts rows 1..current; FINAL COUNT(*) is 4; SUM(price) without a keyword is RUNNING.
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
    RUNNING LAST(B.price) AS run_b,
    FINAL LAST(B.price) AS fin_b,
    RUNNING COUNT(*) AS run_n,
    FINAL COUNT(*) AS fin_n,
    SUM(price) AS s
  ALL ROWS PER MATCH
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+ C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
