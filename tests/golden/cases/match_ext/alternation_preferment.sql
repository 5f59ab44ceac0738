-- Alternation prefers its left branch when both branches can map the row (standard 4.14.2).
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- C AS price > 13, B AS price > 11. Start 1: A=1, row 2 (12) fails C, B takes it -> cls B.
-- Start 5: A=5, row 6 (20) satisfies both, the left branch C wins -> cls C. Start 8 ends the input.
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
    A.id AS a_id,
    CLASSIFIER() AS cls
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A (C | B))
  DEFINE
    A AS name = 'a',
    B AS price > 11,
    C AS price > 13
);
