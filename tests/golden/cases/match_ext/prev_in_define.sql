-- PREV in DEFINE: a rise then a fall (Flink: "physical offsets" are not supported).
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- U AS price > PREV(price), D AS price < PREV(price). Start 1: S=1, U=2 (12>10), U=3 (14>12),
-- row 4 (11) is no U, D=4: rows 1-4. Start 5: S=5, U=6 (20>9), D=7 (15<20): rows 5-7. Start 8 ends.
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
    FIRST(id) AS first_id,
    LAST(id) AS last_id,
    LAST(U.price) AS top
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (S U+ D)
  DEFINE
    U AS price > PREV(price),
    D AS price < PREV(price)
);
