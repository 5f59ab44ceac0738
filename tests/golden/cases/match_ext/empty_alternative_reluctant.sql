-- A reluctant star prefers the empty match: A*? matches no rows from every start.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- Each of the 8 start rows gives an empty match; SKIP PAST LAST ROW after an empty match resumes
-- at the next row.
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
    COUNT(A.id) AS n_a
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A*?)
  DEFINE
    A AS name = 'a'
);
