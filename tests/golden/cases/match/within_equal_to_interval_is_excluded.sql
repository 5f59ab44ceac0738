-- WITHIN '10' SECOND: a match spanning exactly 10 s is pruned, one spanning 9.999 s is kept.
-- compare: raw

CREATE TABLE Spans (
  grp STRING,
  name STRING,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/match_within.csv',
  'format' = 'csv'
);

SELECT *
FROM Spans
MATCH_RECOGNIZE (
  PARTITION BY grp
  ORDER BY ts
  MEASURES
    A.ts AS a_ts,
    C.ts AS c_ts
  PATTERN (A B C) WITHIN INTERVAL '10' SECOND
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
