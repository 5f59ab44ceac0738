-- A variable may appear more than once in the pattern (Flink: "Pattern variables must be unique").
-- data: ab.csv = ids 1..10 named a b a b c a b a c b, price = id, ts = id seconds.
-- A B A: start 1: rows 1-3; start 4 (b) and 5 (c) fail; start 6: rows 6-8. A.id is A's last row.
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
    FIRST(A.id) AS first_a,
    A.id AS last_a,
    COUNT(A.id) AS n_a
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B A)
  DEFINE
    A AS name = 'a',
    B AS name = 'b'
);
