-- SUM, AVG, MIN, MAX of only NULLs are NULL; COUNT is 0.
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

SELECT SUM(v) AS s, AVG(v) AS a, MIN(d) AS mn, MAX(price) AS mx, COUNT(v) AS n_v, COUNT(*) AS n
FROM Events
WHERE id = 6;
