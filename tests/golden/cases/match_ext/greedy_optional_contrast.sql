-- The greedy X? on the same data maps X when it can (contrast with reluctant_optional).
-- The pattern is routed to the standard matcher by MATCH_NUMBER().
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- Start 1: A=1, X=2, Y=3: rows 1-3. Start 5: A=5, row 6 is no b, X skipped, Y=6.
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
    LAST(Y.id) AS y_id,
    MATCH_NUMBER() AS mno
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A X? Y)
  DEFINE
    A AS name = 'a',
    X AS name = 'b',
    Y AS name IN ('b', 'c')
);
