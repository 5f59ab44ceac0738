-- IS NULL in DEFINE selects the rows whose value is missing.
-- compare: raw

CREATE TABLE Nullable (
  id INT,
  name STRING,
  v INT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/match_nulls.jsonl',
  'format' = 'json'
);

SELECT *
FROM Nullable
MATCH_RECOGNIZE (
  ORDER BY ts
  MEASURES
    A.id AS a_id,
    A.v AS a_v,
    B.id AS b_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B)
  DEFINE
    B AS B.v IS NULL
);
