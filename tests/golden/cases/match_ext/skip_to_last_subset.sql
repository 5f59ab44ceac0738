-- AFTER MATCH SKIP TO LAST of a SUBSET variable.
-- data: ab.csv = ids 1..10 named a b a b c a b a c b, price = id, ts = id seconds.
-- A B with U = (A, B), SKIP TO LAST U would resume at B, the last row: start 1: A=1 B=2, resume at
-- row 2 (b): no match; start 3: A=3 B=4, resume at 4; start 6: A=6 B=7; start 8: no b at 9.
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
    A.id AS a_id,
    MATCH_NUMBER() AS mno
  AFTER MATCH SKIP TO LAST U
  PATTERN (A B)
  SUBSET U = (A, B)
  DEFINE
    A AS name = 'a',
    B AS name = 'b'
);
