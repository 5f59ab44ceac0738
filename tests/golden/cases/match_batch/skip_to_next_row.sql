-- Batch mode: SKIP TO NEXT ROW gives the overlapping matches streaming gives.
-- compare: multiset

SET 'execution.runtime-mode' = 'batch';

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
    FIRST(A.id) AS first_a,
    FIRST(B.id) AS first_b,
    LAST(B.id) AS last_b,
    C.id AS c_id
  AFTER MATCH SKIP TO NEXT ROW
  PATTERN (A{2} B+ C)
  DEFINE
    A AS name IN ('a', 'b'),
    B AS name = 'b',
    C AS name = 'c'
);
