-- Reluctant X+? followed by greedy Y*: X takes as few rows as it can, Y the rest.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- X and Y both AS name = 'b'. Start 1: A=1, X=2, Y=3, C=4.
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
    MATCH_NUMBER() AS mno
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A X+? Y* C)
  DEFINE
    A AS name = 'a',
    X AS name = 'b',
    Y AS name = 'b',
    C AS name = 'c'
);
