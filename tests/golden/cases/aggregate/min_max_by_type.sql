-- MIN and MAX over INT, DOUBLE, DECIMAL, STRING and TIMESTAMP.
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

SELECT grp, MIN(v) AS min_v, MAX(v) AS max_v, MIN(d) AS min_d, MAX(price) AS max_price,
       MIN(CAST(id AS STRING)) AS min_s, MAX(ts) AS max_ts
FROM Events
GROUP BY grp;
