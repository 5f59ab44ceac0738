-- Which rows reach the pattern: one match per surviving row, in event-time order; late rows are missing.
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
    A.id AS id,
    A.ts AS ts
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A)
  DEFINE
    A AS TRUE
);
