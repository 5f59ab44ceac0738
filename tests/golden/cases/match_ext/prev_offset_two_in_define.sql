-- PREV with offset 2 in DEFINE reaches before the match start.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- B AS price > PREV(price, 2): row 3 (14 > 10) and row 6 (20 > 11) and row 7 (15 > 9) qualify;
-- A AS name = 'b'. A B: start 2: A=2, B=3 (14 > row 1's 10): rows 2-3. Start 6: no b. Start 7:
-- A=7, row 8 (7 > 20?) no.
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
    B.id AS b_id,
    MATCH_NUMBER() AS mno
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B)
  DEFINE
    A AS name = 'b',
    B AS price > PREV(price, 2)
);
