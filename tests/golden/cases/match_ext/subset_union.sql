-- SUBSET with the standard's union semantics (a SUBSET variable is the union of its members).
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- U = (A, C), V = (B, C). The match is rows 1-4: U rows 1, 4 (count 2, sum 21); V rows 2, 3, 4
-- (first 2, last 4, AVG over INT 37/3 -> 12). MATCH_NUMBER() makes this a flinklite extension
-- query; Flink alone maps no row to a SUBSET variable.
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
    MATCH_NUMBER() AS mno,
    COUNT(U.id) AS n_u,
    SUM(U.price) AS s_u,
    LAST(V.id) AS last_v,
    FIRST(V.id) AS first_v,
    AVG(V.price) AS avg_v
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+ C)
  SUBSET U = (A, C), V = (B, C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
