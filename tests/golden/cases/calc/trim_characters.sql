-- TRIM LEADING, TRAILING and BOTH with a character, as the ETL tutorial cleans '£'.
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

SELECT unit_cost, TRIM(LEADING '£' FROM unit_cost) AS no_pound,
       TRIM(TRAILING '0' FROM unit_cost) AS no_trailing_zero,
       TRIM(BOTH '£' FROM unit_cost) AS both_sides
FROM SalesRecordTable
WHERE user_id = 'user-3';
