-- The same alternation with the longer branch on the left: it is preferred and matches.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- Start 1: A=1, Y=2, Z=3: the match is rows 1-3.
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
    COUNT(*) AS n,
    MATCH_NUMBER() AS mno
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A (Y Z | X))
  DEFINE
    A AS name = 'a',
    X AS name = 'b',
    Y AS name = 'b',
    Z AS name = 'b'
);
