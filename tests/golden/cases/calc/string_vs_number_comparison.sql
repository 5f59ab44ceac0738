-- STRING quantity compared with numbers casts to a number; IN with numbers compares as text.
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

SELECT quantity, quantity >= 3 AS ge_3, quantity < 10 AS lt_10, quantity BETWEEN 2 AND 10 AS btw_2_10,
       quantity IN ('1', '10') AS in_text, '10' > '3' AS text_cmp
FROM SalesRecordTable
WHERE user_id = 'user-3' OR user_id = 'user-7';
