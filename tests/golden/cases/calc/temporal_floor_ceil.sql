-- FLOOR and CEIL of timestamps to HOUR, MINUTE and DAY.
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

SELECT id, FLOOR(ts TO HOUR) AS floor_h, CEIL(ts TO MINUTE) AS ceil_min, FLOOR(ts TO DAY) AS floor_d,
       CEIL(ts TO SECOND) AS ceil_s
FROM Times;
