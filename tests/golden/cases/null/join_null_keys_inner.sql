-- An inner join never matches NULL keys.
-- compare: fold

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

CREATE TABLE GroupLabels (
  grp STRING,
  label STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/groups.jsonl',
  'format' = 'json'
);

SELECT e.id, e.grp, g.label
FROM Events e
JOIN GroupLabels g ON e.grp = g.grp;
