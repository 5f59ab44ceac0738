-- AVG over INT is an INT, truncated, in DEFINE and in MEASURES; over DOUBLE it is exact.
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
  'path' = '${SCRIPT_DIR}/../../data/match_letters.csv',
  'format' = 'csv'
);

SELECT *
FROM Letters
MATCH_RECOGNIZE (
  PARTITION BY grp
  ORDER BY ts
  MEASURES
    FIRST(A.id) AS first_a,
    LAST(A.id) AS last_a,
    AVG(A.price) AS avg_int,
    AVG(CAST(A.price AS DOUBLE)) AS avg_double,
    SUM(A.price) AS sum_a,
    COUNT(A.price) AS count_a,
    B.id AS b_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A+ B)
  DEFINE
    A AS AVG(A.price) < 13
);
