-- Global AVG over a column with NULLs and negative values, per type.
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

SELECT AVG(v) AS avg_int, AVG(d) AS avg_double, AVG(price) AS avg_decimal, COUNT(*) AS n
FROM Events;
