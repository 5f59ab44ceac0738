-- A MAP has no order: ORDER BY one is refused.
-- error: is not an orderable data type
-- flink: java.lang.UnsupportedOperationException: Type(MAP<STRING, INT>) is not an orderable data type, it is not supported as a ORDER_BY/GROUP_BY/JOIN_EQUAL field.

CREATE TABLE T (
  i INT,
  kv MAP<STRING, INT>
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/texts.jsonl',
  'format' = 'json'
);

SELECT kv FROM T ORDER BY 1 LIMIT 1;
