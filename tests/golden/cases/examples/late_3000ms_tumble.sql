-- Oracle probe: a 5 s TUMBLE drops only rows (3000 ms late) whose window already fired.
-- compare: raw

CREATE TABLE Sales (
  invoice_id STRING, user_id STRING, product_id STRING, quantity STRING, unit_cost STRING,
  purchase_time TIMESTAMP(3),
  WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH ('connector' = 'filesystem', 'path' = '${SCRIPT_DIR}/../../data/sales_late3000ms.csv', 'format' = 'csv');

SELECT window_start, window_end, COUNT(*) AS cnt
FROM TABLE(TUMBLE(TABLE Sales, DESCRIPTOR(purchase_time), INTERVAL '5' SECOND))
GROUP BY window_start, window_end;
