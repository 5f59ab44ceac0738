-- Oracle probe: a plain GROUP BY ignores watermarks; rows 3000 ms late all count.
-- compare: raw

CREATE TABLE Sales (
  invoice_id STRING, user_id STRING, product_id STRING, quantity STRING, unit_cost STRING,
  purchase_time TIMESTAMP(3),
  WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH ('connector' = 'filesystem', 'path' = '${SCRIPT_DIR}/../../data/sales_late3000ms.csv', 'format' = 'csv');

SELECT COUNT(*) AS cnt FROM Sales;
