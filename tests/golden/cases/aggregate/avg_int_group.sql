-- AVG over INT in a group aggregate sums in a BIGINT: no wrap.
-- compare: raw

CREATE TABLE BigInts (
  k STRING,
  i INT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/big_ints.csv',
  'format' = 'csv'
);

SELECT k, AVG(i) AS avg_i, SUM(i) AS sum_i FROM BigInts GROUP BY k;
