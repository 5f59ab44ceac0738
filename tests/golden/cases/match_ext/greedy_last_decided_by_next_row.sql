-- A greedy quantifier at the end of the pattern (Flink rejects it): on a stream the match is
-- decided when the next row of the partition does not extend it, or at the end of input.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- A B*: start 1: A=1, B=2,3, row 4 (c) ends it. Start 5: A=5, row 6 (c): B* empty.
-- Start 8: A=8, the end of input ends it.
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
    COUNT(B.id) AS n_b,
    MATCH_NUMBER() AS mno
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B*)
  DEFINE
    A AS name = 'a',
    B AS name = 'b'
);
