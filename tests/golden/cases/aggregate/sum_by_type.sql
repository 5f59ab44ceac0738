-- SUM keeps the argument type family: INT, DOUBLE, DECIMAL(38, 2), BIGINT.
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

SELECT grp, SUM(v) AS sum_int, SUM(d) AS sum_double, SUM(price) AS sum_decimal,
       SUM(CAST(v AS BIGINT)) AS sum_bigint
FROM Events
GROUP BY grp;
