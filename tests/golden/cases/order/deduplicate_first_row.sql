-- Deduplication keeping each user's first sale in event time.
-- compare: raw

CREATE TABLE SalesRecordTable (
  invoice_id STRING,
  user_id STRING,
  product_id STRING,
  quantity STRING,
  unit_cost STRING,
  purchase_time TIMESTAMP(3),
  WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/tutorial_sales.csv',
  'format' = 'csv'
);

SELECT user_id, invoice_id, purchase_time
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY purchase_time ASC) AS rn
  FROM SalesRecordTable
)
WHERE rn = 1;
