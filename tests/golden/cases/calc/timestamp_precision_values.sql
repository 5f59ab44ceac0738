-- TIMESTAMP values of precision 0, 3, 6 and 9 as results; casting to a lower precision.
-- compare: raw

CREATE TABLE Times (
  id INT,
  ts TIMESTAMP(3),
  ts6 TIMESTAMP(6),
  dt DATE,
  tm TIME(0)
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/times.jsonl',
  'format' = 'json'
);

SELECT id, ts, ts6, CAST(ts AS TIMESTAMP(0)) AS ts0, CAST(ts6 AS TIMESTAMP(3)) AS ts6_to_3,
       CAST(ts6 AS TIMESTAMP(9)) AS ts9, dt, tm
FROM Times;
