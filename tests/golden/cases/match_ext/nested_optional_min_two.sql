-- The standard's trap (A?){2,}: an optional iteration that maps no row ends the loop, so the
-- pattern terminates, and two empty iterations satisfy the minimum.
-- data: ab.csv = ids 1..10 named a b a b c a b a c b, price = id, ts = id seconds.
-- Start 1: A=1, row 2 (b) is no C; every other split of (A?){2,} also ends before C: no match.
-- Starts 2-4 fail. Start 5: two empty iterations, C=5: a match with no A row. Start 6: A=6, C
-- needs row 7 (b): no. Start 8: A=8, C=9: match. Start 10 fails.
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
  'path' = '${SCRIPT_DIR}/data/ab.csv',
  'format' = 'csv'
);

SELECT *
FROM Letters
MATCH_RECOGNIZE (
  PARTITION BY grp
  ORDER BY ts
  MEASURES
    FIRST(id) AS first_id,
    COUNT(A.id) AS n_a
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN ((A?){2,} C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
