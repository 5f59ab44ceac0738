-- Physical navigation PREV/NEXT with offsets; past either end of the partition it is NULL.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- A (no DEFINE needed beyond price > 0) matches every row alone. For row i: PREV(A.price, 1) is
-- the price of row i-1, PREV(A.price, 3) of row i-3, NEXT(A.price, 1) / NEXT(A.price, 2) of rows
-- i+1 / i+2; rows outside 1..8 give NULL (the last rows are decided at the end of input).
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
    A.id AS a_id,
    PREV(A.price, 1) AS p1,
    PREV(A.price, 3) AS p3,
    NEXT(A.price, 1) AS n1,
    NEXT(A.price, 2) AS n2
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A)
  DEFINE
    A AS price > 0
);
