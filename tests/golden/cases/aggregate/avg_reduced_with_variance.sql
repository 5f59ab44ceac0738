-- AVG over INT next to STDDEV/VAR: Flink's planner reduces them all to SUM / COUNT, and
-- that SUM is an INT, so the average wraps (AVG alone sums in a BIGINT).
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

SELECT k, AVG(i) AS avg_i, VAR_POP(i) AS var_i, COUNT(*) AS n FROM BigInts GROUP BY k;
