-- Interactive ETL I6 + I7: a temporary view with a column list, queried with INT columns.
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

CREATE TEMPORARY VIEW CleanedSalesRecords (
    invoice_id,
    user_id,
    product_id,
    quantity,
    unit_cost_gbp,
    purchase_time
) AS (
    SELECT
        invoice_id,
        user_id,
        product_id,
        CAST(quantity AS INT),
        CAST(TRIM(LEADING '£' from unit_cost) AS INT),
        purchase_time
    FROM SalesRecordTable
);

SELECT
    DISTINCT(product_id),
    unit_cost_gbp,
    quantity
FROM CleanedSalesRecords
WHERE
    quantity >= 3 AND unit_cost_gbp > 500;
