-- COALESCE, NULLIF, IF, IFNULL, GREATEST and LEAST with NULLs.
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

SELECT id, COALESCE(v, -1) AS v_or_m1, NULLIF(v, 10) AS nullif_10,
       IF(v > 5, 'hi', 'lo') AS hi_lo, IFNULL(grp, '?') AS grp_or_q,
       GREATEST(v, 6) AS greatest_6, LEAST(v, 6) AS least_6
FROM Events;
