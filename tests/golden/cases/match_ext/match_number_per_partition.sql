-- MATCH_NUMBER() restarts at 1 in every partition.
-- data: ../../data/match_letters.csv (the shared letters data, partitions x and y).
-- A B+ C with SKIP PAST LAST ROW: partition x matches start at ids 1, 6, 10, 20; partition y at
-- 101, 104, 110 (read off the data: an a, one or more b, then a c).
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
  'path' = '${SCRIPT_DIR}/data/../../../data/match_letters.csv',
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
  PATTERN (A B+ C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
