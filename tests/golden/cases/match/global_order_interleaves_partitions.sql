-- Without PARTITION BY all rows form one sequence: an a of one group and the next b of the other match.
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
  ORDER BY ts
  MEASURES
    A.grp AS a_grp,
    A.id AS a_id,
    B.id AS b_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B)
  DEFINE
    A AS name = 'a',
    B AS name = 'b'
);
