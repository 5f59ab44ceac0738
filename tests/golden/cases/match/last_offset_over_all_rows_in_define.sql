-- LAST(price, 1) in C's DEFINE is the previous row of the match, whichever variable took it.
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
    B.id AS b_id,
    C.id AS c_id,
    FIRST(price, 1) AS second_price
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B? C)
  DEFINE
    B AS B.price < 20,
    C AS LAST(price, 1) < C.price
);
