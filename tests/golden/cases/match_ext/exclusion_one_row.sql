-- Exclusion has no effect on ONE ROW PER MATCH: measures still see the excluded rows.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- The match is rows 1-4; LAST(B.id) = 3, COUNT(*) = 4.
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
    LAST(B.id) AS last_b,
    COUNT(*) AS n
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A {- B+ -} C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
