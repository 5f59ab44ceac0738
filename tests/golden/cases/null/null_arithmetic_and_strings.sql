-- NULL propagates through arithmetic, CONCAT and ||; CONCAT_WS skips NULLs.
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

SELECT id, v + 1 AS v_plus_1, v * d AS v_times_d, price * 2 AS price_2,
       CONCAT(grp, '-x') AS concat_x, grp || '!' AS bang, CONCAT_WS('/', grp, CAST(v AS STRING)) AS ws
FROM Events;
