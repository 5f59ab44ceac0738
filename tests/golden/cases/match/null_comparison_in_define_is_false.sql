-- A DEFINE condition that evaluates to NULL rejects the row.
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
    X.id AS x_id,
    Y.id AS y_id,
    X.v AS x_v,
    Y.v AS y_v
  PATTERN (X Y)
  DEFINE
    Y AS Y.v > X.v
);
