-- A SUBSET variable in MEASURES (the docs list SUBSET as unsupported).
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
    LAST(AB.id) AS last_ab,
    COUNT(AB.id) AS ab_count
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B C)
  SUBSET AB = (A, B)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
