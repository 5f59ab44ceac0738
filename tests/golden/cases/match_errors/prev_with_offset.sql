-- PREV with a physical offset is rejected.
-- error: physical offsets
-- flink: org.apache.flink.table.api.TableException: Flink does not support physical offsets within partition.

SET 'flinklite.flink-compatible' = 'true';

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
    A.id AS a_id
  PATTERN (A B)
  DEFINE
    B AS B.price > PREV(B.price, 1)
);
