-- The anchor ^ matches only at the first row of the partition (here with MATCH_NUMBER(), so
-- the standard matcher runs it; Flink alone ignores anchors).
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- ^ A B: only start 1 can match: A=1, B=2.
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
  'path' = '${SCRIPT_DIR}/data/seq.csv',
  'format' = 'csv'
);

SELECT *
FROM Letters
MATCH_RECOGNIZE (
  PARTITION BY grp
  ORDER BY ts
  MEASURES
    MATCH_NUMBER() AS mno,
    A.id AS a_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (^ A B)
  DEFINE
    A AS name = 'a',
    B AS name = 'b'
);
