-- MIN has no order for arrays: MIN of an ARRAY column is refused.
-- error: Min aggregate function does not support type: ''ARRAY''
-- flink: org.apache.flink.table.api.TableException: Min aggregate function does not support type: ''ARRAY''.

CREATE TABLE T (
  i INT,
  arr ARRAY<INT>
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/texts.jsonl',
  'format' = 'json'
);

SELECT i, MIN(arr) FROM T GROUP BY i;
