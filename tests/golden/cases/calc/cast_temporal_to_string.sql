-- CAST of TIMESTAMP(0/3/6/9), DATE and TIME to STRING pads to the declared precision.
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

SELECT id, CAST(ts AS STRING) AS ts3_s, CAST(ts6 AS STRING) AS ts6_s,
       CAST(CAST(ts AS TIMESTAMP(0)) AS STRING) AS ts0_s, CAST(CAST(ts6 AS TIMESTAMP(9)) AS STRING) AS ts9_s,
       CAST(dt AS STRING) AS dt_s, CAST(tm AS STRING) AS tm_s
FROM Times;
