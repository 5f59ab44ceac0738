-- LAST(B.price, 1) and LAST(B.price, 2) in DEFINE: NULL until B has enough rows.
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
    FIRST(B.id) AS first_b,
    LAST(B.id) AS last_b,
    C.id AS c_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+ C)
  DEFINE
    A AS A.price >= 10,
    B AS (LAST(B.price, 1) IS NULL OR B.price > LAST(B.price, 1)) AND
      (LAST(B.price, 2) IS NULL OR B.price > 2 * LAST(B.price, 2))
);
