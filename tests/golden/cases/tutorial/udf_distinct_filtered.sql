-- User-defined functions tutorial: the DISTINCT query with RIGHT(...) NOT IN, the UDF written as a CASE.
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

SELECT
    DISTINCT(product_id),
    iso_unit_cost,
    quantity
  FROM (
      SELECT
          invoice_id,
          user_id,
          product_id,
          CAST(quantity AS INT) AS quantity,
          CASE LEFT(TRIM(unit_cost), 1)
              WHEN '€' THEN CONCAT(SUBSTRING(TRIM(unit_cost), 2), ' EUR')
              WHEN '₹' THEN CONCAT(SUBSTRING(TRIM(unit_cost), 2), ' INR')
              WHEN '₺' THEN CONCAT(SUBSTRING(TRIM(unit_cost), 2), ' TRY')
              WHEN '฿' THEN CONCAT(SUBSTRING(TRIM(unit_cost), 2), ' THB')
              WHEN '₴' THEN CONCAT(SUBSTRING(TRIM(unit_cost), 2), ' UAH')
              WHEN '₮' THEN CONCAT(SUBSTRING(TRIM(unit_cost), 2), ' MNT')
              ELSE CONCAT(SUBSTRING(TRIM(unit_cost), 2), ' ERR')
          END AS iso_unit_cost,
          unit_cost,
          purchase_time
      FROM InternationalSalesRecordTable
    )
WHERE
    quantity > 1 AND RIGHT(iso_unit_cost, 3) NOT IN ('MNT', 'ERR');
