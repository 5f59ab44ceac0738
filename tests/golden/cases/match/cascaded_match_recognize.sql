-- MATCH_RECOGNIZE over MATCH_RECOGNIZE: the first one's MATCH_ROWTIME() orders the second.
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

SELECT *
FROM Rises
MATCH_RECOGNIZE (
  PARTITION BY grp
  ORDER BY match_time
  MEASURES
    SMALL.rise AS small_rise,
    BIG.rise AS big_rise,
    BIG.match_time AS big_time
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (SMALL BIG)
  DEFINE
    SMALL AS SMALL.rise < 5,
    BIG AS BIG.rise >= 5
);
