-- TO_TIMESTAMP_LTZ from epoch milliseconds, rendered and cast in the UTC session zone.
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

SELECT id, TO_TIMESTAMP_LTZ(id * 1000 + 120, 3) AS ltz,
       CAST(TO_TIMESTAMP_LTZ(id * 1000 + 120, 3) AS STRING) AS ltz_s,
       CAST(TO_TIMESTAMP_LTZ(id * 86400, 0) AS TIMESTAMP(3)) AS ltz_as_ts
FROM Times;
