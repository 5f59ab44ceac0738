-- Interactive ETL I4: unit_cost > 500 casts '£...' to a number at run time and fails the job.
-- error: NumberFormatException
-- flink: java.lang.NumberFormatException: For input string: '£652'. Invalid character found.

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
    DISTINCT(product_id),
    unit_cost,
    quantity
FROM SalesRecordTable
WHERE
    quantity >= 3 AND unit_cost > 500;
