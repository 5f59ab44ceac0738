-- STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP over DOUBLE with NULLs.
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

SELECT STDDEV_POP(d) AS sd_pop, STDDEV_SAMP(d) AS sd_samp, VAR_POP(d) AS variance_pop, VAR_SAMP(d) AS variance_samp
FROM Events;
