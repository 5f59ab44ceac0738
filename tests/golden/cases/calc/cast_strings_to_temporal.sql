-- CAST of strings to DATE, TIME and TIMESTAMP.
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

SELECT id, CAST(CAST(dt AS STRING) AS DATE) AS dt_again,
       CAST('2024-03-05 06:07:08' AS TIMESTAMP(3)) AS ts_lit,
       CAST(CONCAT(CAST(dt AS STRING), ' 12:00:00.5') AS TIMESTAMP(3)) AS noon,
       CAST('10:11:12' AS TIME) AS t_lit
FROM Times
WHERE id < 5;
