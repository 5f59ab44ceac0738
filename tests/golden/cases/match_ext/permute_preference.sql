-- PERMUTE prefers the order of its listed variables: PERMUTE(Y, X) tries Y X before X Y.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- X AS name IN ('a', 'b'), Y AS name IN ('b', 'c'); SKIP TO NEXT ROW. Start 1: Y=1 fails, X=1 Y=2.
-- Start 2: Y=2 X=3. Start 3: Y=3 then X=4 (c) fails, X=3 Y=4. Start 4: Y=4 X=5. Start 5: X=5 Y=6.
-- Start 6: Y=6 X=7. Start 7: Y=7 X=8. Start 8: X=8 and the input ends.
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
    FIRST(X.id) AS x_id,
    FIRST(Y.id) AS y_id
  AFTER MATCH SKIP TO NEXT ROW
  PATTERN (PERMUTE(Y, X))
  DEFINE
    X AS name IN ('a', 'b'),
    Y AS name IN ('b', 'c')
);
