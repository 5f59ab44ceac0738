-- Interactive ETL I5: TRIM(LEADING '£' ...) then CAST to INT in a subquery.
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
    DISTINCT(product_id), cost_gbp, quantity
FROM (
    SELECT
        product_id,
        CAST(TRIM(LEADING '£' from unit_cost) AS INT) AS cost_gbp,
        quantity
    FROM SalesRecordTable
)
WHERE quantity >= 3 AND cost_gbp > 500;
