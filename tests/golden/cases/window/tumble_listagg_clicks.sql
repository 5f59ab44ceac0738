-- The recommendation app's window piece: LISTAGG per user per 5 s TUMBLE.
-- compare: multiset
-- (keys whose windows fire at the same watermark come out in an order internal to Flink)

CREATE TABLE ClickStreamTable (
  user_id STRING,
  product_id STRING,
  event_time TIMESTAMP(3),
  WATERMARK FOR event_time AS event_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/clicks.csv',
  'format' = 'csv'
);

SELECT
  user_id,
  LISTAGG(product_id, ',') AS product_ids,
  TUMBLE_END(event_time, INTERVAL '5' SECOND) AS window_end_timestamp
FROM ClickStreamTable
GROUP BY user_id, TUMBLE(event_time, INTERVAL '5' SECOND);
