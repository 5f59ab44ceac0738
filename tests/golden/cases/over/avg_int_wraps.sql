-- AVG over an OVER window: Flink computes it as SUM / COUNT in the argument's type (wraps).
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

SELECT k, ts, AVG(i) OVER (PARTITION BY k ORDER BY ts) AS running_avg FROM BigInts;
