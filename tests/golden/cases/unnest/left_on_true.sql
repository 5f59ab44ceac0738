-- LEFT JOIN UNNEST .. ON TRUE keeps the rows whose array is empty or NULL.
-- compare: raw

CREATE TABLE T (
  i INT,
  arr ARRAY<INT>
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/arrays_with_nulls.jsonl',
  'format' = 'json'
);

SELECT i, x FROM T LEFT JOIN UNNEST(arr) AS u(x) ON TRUE;
