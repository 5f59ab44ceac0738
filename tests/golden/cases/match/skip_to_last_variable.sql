-- AFTER MATCH SKIP TO LAST B: matches that started before the last B row are dropped.
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
    FIRST(B.id) AS first_b,
    LAST(B.id) AS last_b,
    C.id AS c_id
  AFTER MATCH SKIP TO LAST B
  PATTERN (A{2} B+ C)
  DEFINE
    A AS name IN ('a', 'b'),
    B AS name = 'b',
    C AS name = 'c'
);
