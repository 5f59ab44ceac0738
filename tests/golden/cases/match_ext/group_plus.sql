-- A quantified group (A B)+ (Flink: "Group patterns are not supported yet").
-- data: ab.csv = ids 1..10 named a b a b c a b a c b, price = id, ts = id seconds.
-- Start 1: (A B) takes 1-2 and 3-4, row 5 is no a, so C=5: rows 1-5. Start 6: (A B) takes 6-7,
-- another iteration fails at row 9 (c), C at row 8 (a) fails: no match; starts 7..10 fail.
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
    LAST(id) AS last_id,
    COUNT(A.id) AS n_a
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN ((A B)+ C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
