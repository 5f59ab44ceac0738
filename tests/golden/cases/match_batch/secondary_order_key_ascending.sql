-- Batch mode: ORDER BY ts, prio sorts rows with equal timestamps.
-- compare: multiset

SET 'execution.runtime-mode' = 'batch';

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
  ORDER BY ts, prio
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
