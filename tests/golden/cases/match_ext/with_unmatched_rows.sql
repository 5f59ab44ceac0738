-- ALL ROWS PER MATCH WITH UNMATCHED ROWS: rows in no match are output with NULL measures.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- A B matches rows 1-2; starts 3..8 fail (5 and 8: no b follows), so rows 3-8 are unmatched.
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
  ALL ROWS PER MATCH WITH UNMATCHED ROWS
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B)
  DEFINE
    A AS name = 'a',
    B AS name = 'b'
);
