-- Interactive ETL I9: the cleaning projection the standalone job inserts.
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

SELECT
    invoice_id,
    user_id,
    product_id,
    CAST(quantity AS INT),
    CAST(TRIM(LEADING '£' from unit_cost) AS INT),
    purchase_time
FROM SalesRecordTable;
