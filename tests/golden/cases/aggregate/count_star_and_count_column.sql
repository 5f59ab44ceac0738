-- COUNT(*) counts every row, COUNT(col) skips NULLs; a NULL group key is a group.
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

SELECT grp, COUNT(*) AS n, COUNT(v) AS n_v, COUNT(d) AS n_d, COUNT(price) AS n_price
FROM Events
GROUP BY grp;
