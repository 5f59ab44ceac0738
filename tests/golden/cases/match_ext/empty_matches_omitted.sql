-- OMIT EMPTY MATCHES drops the rows of empty matches; their match numbers stay used.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- The matches are those of empty_matches_shown; only 1, 5 and 8 map rows.
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
  ALL ROWS PER MATCH OMIT EMPTY MATCHES
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A*)
  DEFINE
    A AS name = 'a'
);
