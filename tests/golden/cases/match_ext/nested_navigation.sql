-- Nested navigation: physical navigation from a logical position.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- The match is rows 1-4 (A=1, B=2,3, C=4). PREV(LAST(B.price), 1): B's last row is 3, one row
-- back is row 2 -> 12. NEXT(FIRST(B.price), 2): row 2 + 2 = row 4 -> 11. PREV(FIRST(A.price), 1):
-- before row 1 -> NULL. NEXT(LAST(C.price), 1): row 5 -> 9. NEXT(C.price, 5): row 9 does not
-- exist -> NULL (known at the end of input).
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
    PREV(LAST(B.price), 1) AS pb,
    NEXT(FIRST(B.price), 2) AS nb,
    PREV(FIRST(A.price), 1) AS pa,
    NEXT(LAST(C.price), 1) AS nc,
    NEXT(C.price, 5) AS nn
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+ C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
