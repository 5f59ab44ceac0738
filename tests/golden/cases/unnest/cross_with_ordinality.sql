-- CROSS JOIN UNNEST WITH ORDINALITY: one row per element (NULL elements too), none for an
-- empty or NULL array.
-- compare: raw

CREATE TABLE T (
  i INT,
  arr ARRAY<INT>
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/arrays_with_nulls.jsonl',
  'format' = 'json'
);

SELECT i, x, n FROM T CROSS JOIN UNNEST(arr) WITH ORDINALITY AS u(x, n);
