-- NULL is a group key like any other.
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

SELECT grp, COUNT(*) AS n, SUM(v) AS total, MAX(d) AS max_d
FROM Events
GROUP BY grp;
