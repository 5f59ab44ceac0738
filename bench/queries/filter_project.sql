-- A stateless filter and projection: STRING quantity compared with an INT (a numeric
-- comparison, as in the tutorial), arithmetic and a string function per row.
-- ${DATA_FILE} is the generated sales CSV (bench/run.py fills it in).
CREATE TABLE Sales (
  invoice_id    STRING,
  user_id       STRING,
  product_id    STRING,
  quantity      STRING,
  unit_cost     STRING,
  purchase_time TIMESTAMP(3),
  WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path'      = '${DATA_FILE}',
  'format'    = 'csv'
);

CREATE TABLE BulkSales (
  invoice_id STRING,
  user_id    STRING,
  q2         INT,
  product    STRING
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO BulkSales
SELECT invoice_id, user_id, CAST(quantity AS INT) * 2 AS q2, UPPER(product_id) AS product
FROM Sales
WHERE quantity > 1;
