-- AFTER MATCH SKIP TO FIRST C with an alternation loop.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- A (B | C)+ A: start 1: A=1, B=2, B=3, C=4, A=5 (rows 1-5); resume at the first C, row 4 (c):
-- no match; start 5: A=5, C=6, B=7, A=8.
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
    FIRST(id) AS first_id,
    LAST(id) AS last_id,
    MATCH_NUMBER() AS mno
  AFTER MATCH SKIP TO FIRST C
  PATTERN (A (B | C)+ A)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
