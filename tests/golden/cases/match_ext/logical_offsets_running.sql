-- FIRST/LAST with logical offsets under RUNNING semantics in ALL ROWS PER MATCH.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- Rows 1-4 (A, B, B, C). LAST(B.price, 1) is the second-to-last B row up to the current row:
-- NULL, NULL, 12, 12. FIRST(price, 2) is the third row of the match so far: NULL, NULL, 14, 14.
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
    LAST(B.price, 1) AS lb1,
    FIRST(price, 2) AS f2
  ALL ROWS PER MATCH
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+ C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
