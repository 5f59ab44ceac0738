-- Alternation preferment beats length: the left branch X wins although Y Z is longer.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- X, Y, Z all AS name = 'b'. Start 1: A=1 then X=2 completes the pattern: the match is rows 1-2.
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
  PATTERN (A (X | Y Z))
  DEFINE
    A AS name = 'a',
    X AS name = 'b',
    Y AS name = 'b',
    Z AS name = 'b'
);
