-- FIRST_VALUE and LAST_VALUE per group, with NULL values in the input.
-- compare: raw

CREATE TABLE Events (
  id INT,
  grp STRING,
  v INT,
  d DOUBLE,
  price DECIMAL(10, 2),
  flag BOOLEAN,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/events.jsonl',
  'format' = 'json'
);

SELECT grp, FIRST_VALUE(v) AS first_v, LAST_VALUE(v) AS last_v,
       FIRST_VALUE(d) AS first_d, LAST_VALUE(d) AS last_d, LAST_VALUE(id) AS last_id
FROM Events
GROUP BY grp;
