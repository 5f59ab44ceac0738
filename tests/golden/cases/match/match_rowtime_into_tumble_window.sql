-- MATCH_ROWTIME() is a rowtime attribute: a TUMBLE window after the match aggregates the matches.
-- compare: multiset

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

CREATE TEMPORARY VIEW Rises AS
SELECT *
FROM Letters
MATCH_RECOGNIZE (
  PARTITION BY grp
  ORDER BY ts
  MEASURES
    MATCH_ROWTIME() AS match_time,
    B.price - A.price AS rise
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B)
  DEFINE
    B AS B.price > A.price
);

SELECT grp, window_start, window_end, COUNT(*) AS rises, MAX(rise) AS max_rise
FROM TABLE(TUMBLE(TABLE Rises, DESCRIPTOR(match_time), INTERVAL '5' SECOND))
GROUP BY grp, window_start, window_end;
