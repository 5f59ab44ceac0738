-- A group with an exact count, (A B){2} C.
-- data: ab.csv = ids 1..10 named a b a b c a b a c b, price = id, ts = id seconds.
-- Start 1: two iterations 1-2, 3-4 then C=5: rows 1-5; later starts never see two a-b pairs then c.
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
    LAST(id) AS last_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN ((A B){2} C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
