-- FIRST/LAST with logical offsets over one variable and over all rows; out of range is NULL.
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
    FIRST(B.price) AS first_b,
    FIRST(B.price, 1) AS second_b,
    LAST(B.price) AS last_b,
    LAST(B.price, 1) AS second_last_b,
    LAST(B.price, 2) AS third_last_b,
    FIRST(B.price, 5) AS sixth_b,
    FIRST(price) AS first_any,
    FIRST(price, 1) AS second_any,
    LAST(price) AS last_any,
    LAST(price, 1) AS second_last_any
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+ C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
