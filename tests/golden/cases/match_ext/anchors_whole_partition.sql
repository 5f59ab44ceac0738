-- ^ (A | B | C)+ $ maps the whole partition as one match.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- Every row is a, b or c: one match of rows 1-8, decided at the end of input.
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
    MATCH_NUMBER() AS mno,
    COUNT(*) AS n,
    FIRST(id) AS first_id,
    LAST(id) AS last_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (^ (A | B | C)+ $)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
