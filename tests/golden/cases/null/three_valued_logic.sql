-- AND, OR, NOT and IS [NOT] TRUE/FALSE/NULL with NULL operands.
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

SELECT id, flag, NOT flag AS not_flag, flag AND v > 5 AS and_v, flag OR v > 5 AS or_v,
       flag IS TRUE AS is_true, flag IS NOT FALSE AS not_false, flag IS NULL AS is_null,
       v > 5 IS UNKNOWN AS v_unknown
FROM Events;
