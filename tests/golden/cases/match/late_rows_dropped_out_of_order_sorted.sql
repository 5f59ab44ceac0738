-- Rows ahead of the watermark are sorted by time; rows at or below it (late) are dropped.
-- compare: raw

CREATE TABLE Arrivals (
  id INT,
  name STRING,
  price INT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/match_ooo.csv',
  'format' = 'csv'
);

SELECT *
FROM Arrivals
MATCH_RECOGNIZE (
  ORDER BY ts
  MEASURES
    A.id AS a_id,
    FIRST(B.id) AS first_b,
    LAST(B.id) AS last_b,
    COUNT(B.id) AS b_count,
    C.id AS c_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+ C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
