-- The reluctant optional X?? prefers skipping X (Flink: not supported yet).
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- X AS name = 'b', Y AS name IN ('b', 'c'). Start 1: A=1, X?? skipped, Y=2: rows 1-2.
-- Start 5: A=5, Y=6. Start 8: the input ends.
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
    LAST(Y.id) AS y_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A X?? Y)
  DEFINE
    A AS name = 'a',
    X AS name = 'b',
    Y AS name IN ('b', 'c')
);
