-- Maps have no order: comparing two with < is refused.
-- error: Comparable type expected
-- flink: org.apache.flink.table.planner.codegen.CodeGenException: Comparable type expected, but was 'MAP<STRING, INT>'.

CREATE TABLE T (
  i INT,
  kv MAP<STRING, INT>
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/texts.jsonl',
  'format' = 'json'
);

SELECT a.i FROM T AS a, T AS b WHERE a.kv < b.kv;
