-- A SUBSET declaration that no expression uses: Flink 2.3 accepts it.
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

SELECT *
FROM Letters
MATCH_RECOGNIZE (
  PARTITION BY grp
  ORDER BY ts
  MEASURES
    A.id AS a_id,
    C.id AS c_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B C)
  SUBSET AB = (A, B)
  DEFINE
    A AS name = 'a',
    B AS name = 'b',
    C AS name = 'c'
);
