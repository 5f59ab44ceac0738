-- ONE ROW PER MATCH outputs a row for an empty match too (measures over no rows).
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- Matches as in empty_matches_shown; COUNT(A.id) is 0 and A.id NULL for the empty ones.
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
    COUNT(A.id) AS n_a,
    A.id AS a_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A*)
  DEFINE
    A AS name = 'a'
);
