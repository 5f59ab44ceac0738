-- LISTAGG over an updating input: retracted values leave the list.
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

SELECT LISTAGG(CAST(n AS STRING)) AS counts
FROM (SELECT grp, COUNT(*) AS n FROM Events GROUP BY grp);
