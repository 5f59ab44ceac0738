-- User-defined functions tutorial: the international sales smoke test.
-- compare: raw

CREATE TABLE InternationalSalesRecordTable (
  invoice_id STRING,
  user_id STRING,
  product_id STRING,
  quantity STRING,
  unit_cost STRING,
  purchase_time TIMESTAMP(3),
  WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/international_sales.csv',
  'format' = 'csv'
);

SELECT * FROM InternationalSalesRecordTable;
