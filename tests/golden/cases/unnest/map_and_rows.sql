-- UNNEST of a MAP (key, value) and of an ARRAY of ROWs (its fields), implicit cross join.
-- compare: raw

CREATE TABLE T (
  i INT,
  arr ARRAY<INT>
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/arrays_with_nulls.jsonl',
  'format' = 'json'
);

SELECT i, k, v, a, b
FROM T,
  UNNEST(MAP['x', i, 'y', i * 10]) AS m(k, v),
  UNNEST(ARRAY[ROW(i, 'p'), ROW(i + 1, 'q')]) AS r(a, b)
WHERE i < 3;
