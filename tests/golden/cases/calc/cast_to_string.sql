-- CAST of numbers and booleans to STRING.
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

SELECT id, CAST(v AS STRING) AS v_s, CAST(d AS STRING) AS d_s, CAST(price AS STRING) AS price_s,
       CAST(flag AS STRING) AS flag_s, CAST(id * 1.5 AS STRING) AS dec_s
FROM Events;
