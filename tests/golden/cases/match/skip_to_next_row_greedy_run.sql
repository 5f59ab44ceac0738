-- SKIP TO NEXT ROW on `B+ C`: each b of a run starts its own match, all ending on the same c.
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
    FIRST(B.id) AS first_b,
    COUNT(B.id) AS b_count,
    C.id AS c_id
  AFTER MATCH SKIP TO NEXT ROW
  PATTERN (B+ C)
  DEFINE
    B AS name = 'b',
    C AS name = 'c'
);
