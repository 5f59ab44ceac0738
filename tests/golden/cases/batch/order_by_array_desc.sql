-- ORDER BY an ARRAY column descending: the reverse order, NULL arrays last.
-- compare: raw

SET 'execution.runtime-mode' = 'batch';

CREATE TABLE T (
  i INT,
  arr ARRAY<INT>
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/arrays_with_nulls.jsonl',
  'format' = 'json'
);

SELECT i, arr FROM T ORDER BY arr DESC, i;
