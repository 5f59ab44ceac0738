-- ORDER BY ts ASC, prio DESC: a descending secondary key.
-- compare: raw

CREATE TABLE Ties (
  id INT,
  name STRING,
  prio INT,
  price INT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/match_ties.csv',
  'format' = 'csv'
);

SELECT *
FROM Ties
MATCH_RECOGNIZE (
  ORDER BY ts ASC, prio DESC
  MEASURES
    A.id AS a_id,
    B.id AS b_id,
    C.id AS c_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
