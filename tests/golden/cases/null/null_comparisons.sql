-- Comparisons with NULL are NULL; IS DISTINCT FROM is not; NOT IN with a NULL value.
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

SELECT id, v > 5 AS gt_5, v IS DISTINCT FROM 10 AS distinct_10,
       v IS NOT DISTINCT FROM CAST(NULL AS INT) AS same_as_null, v IN (10, 30) AS in_10_30,
       grp = 'a' AS grp_a, grp <> 'a' AS grp_not_a
FROM Events;
