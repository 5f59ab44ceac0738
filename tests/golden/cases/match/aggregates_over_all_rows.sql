-- Aggregates without a variable run over every row of the match; COUNT(*) counts them.
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
    A.price AS a_price,
    SUM(price) AS total,
    SUM(B.price) AS sum_b,
    COUNT(*) AS row_count,
    MIN(price) AS min_price,
    C.id AS c_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+ C)
  DEFINE
    A AS A.price >= 10,
    B AS B.price > A.price AND SUM(price) < 100 AND SUM(B.price) < 80
);
