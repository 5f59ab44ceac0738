-- MAX over a per-key COUNT skips retractions: the count only grows, so Flink uses the
-- insert-only MAX and the global maximum stays put when the top key's -U arrives
-- ([1, 2, 1] after a 2 was retracted), until a larger value comes. MIN still retracts.
-- compare: raw

CREATE TABLE t (u STRING) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/letters.csv',
  'format' = 'csv'
);

SELECT MIN(c), MAX(c), COUNT(*) FROM (SELECT u, COUNT(*) AS c FROM t GROUP BY u);
