-- Aggregates over a variable with no rows: COUNT is 0, SUM/AVG/MAX and FIRST/LAST are NULL.
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
    A.id AS a_id,
    COUNT(B.price) AS count_b,
    SUM(B.price) AS sum_b,
    AVG(B.price) AS avg_b,
    MAX(B.price) AS max_b,
    FIRST(B.price) AS first_b,
    LAST(B.id) AS last_b,
    C.id AS c_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B* C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
