-- CLASSIFIER() in DEFINE is the variable being tested; here it tells X and Y apart.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- X AS CLASSIFIER() = 'X' AND name = 'b', Y AS name = 'c': (X | Y)+ with A in front: start 1:
-- A=1, X=2, X=3, Y=4, row 5 is neither: rows 1-4. Start 5: A=5, Y=6, X=7, row 8 neither.
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
    COUNT(X.id) AS n_x,
    COUNT(Y.id) AS n_y,
    LAST(id) AS last_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A (X | Y)+)
  DEFINE
    A AS name = 'a',
    X AS CLASSIFIER() = 'X' AND name = 'b',
    Y AS name = 'c'
);
