-- MATCH_ROWTIME() without an argument on a TIMESTAMP_LTZ rowtime: Flink 2.3 accepts it.
-- compare: raw

CREATE TABLE Letters (
  id INT,
  grp STRING,
  name STRING,
  price INT,
  ts TIMESTAMP(3),
  lts AS CAST(ts AS TIMESTAMP_LTZ(3)),
  WATERMARK FOR lts AS lts
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/match_letters.csv',
  'format' = 'csv'
);

SELECT *
FROM Letters
MATCH_RECOGNIZE (
  PARTITION BY grp
  ORDER BY lts
  MEASURES
    A.id AS a_id,
    B.id AS b_id,
    MATCH_ROWTIME() AS match_time
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B)
  DEFINE
    B AS B.price > A.price
);
