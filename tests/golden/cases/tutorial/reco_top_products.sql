-- Recommendation app: Top-6 per user by purchased, then rating as text ('9' > '10').
-- The tutorial orders by purchased and rating only; ties then depend on the order the join's
-- inputs interleave, which differs between engines (and Flink runs), so product_id and
-- event_time break them here.
-- compare: fold

CREATE TABLE ProductInventoryTable (
  product_id STRING,
  category STRING,
  stock STRING,
  rating STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/product_inventory.csv',
  'format' = 'csv',
  'csv.ignore-parse-errors' = 'true'
);

CREATE TABLE ClickStreamTable (
  user_id STRING,
  product_id STRING,
  event_time TIMESTAMP(3),
  WATERMARK FOR event_time AS event_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/clicks.csv',
  'format' = 'csv'
);

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

CREATE TEMPORARY VIEW clicked_products AS
  SELECT DISTINCT
    c.user_id, c.event_time,
    p.product_id,
    p.category
  FROM ClickStreamTable AS c
  JOIN ProductInventoryTable AS p ON c.product_id = p.product_id;

CREATE TEMPORARY VIEW category_products AS
  SELECT
    cp.user_id,
    cp.event_time,
    p.product_id,
    p.category,
    p.stock,
    p.rating,
    sr.user_id as purchased
  FROM clicked_products cp
  JOIN ProductInventoryTable AS p ON cp.category = p.category
  LEFT JOIN SalesRecordTable sr ON cp.user_id = sr.user_id AND p.product_id = sr.product_id
  WHERE p.stock > 0
  GROUP BY
    p.product_id,
    p.category,
    p.stock,
    cp.user_id,
    cp.event_time,
    sr.user_id,
    p.rating
;

CREATE TEMPORARY VIEW top_products AS
  SELECT cp.user_id,
    cp.event_time,
    cp.product_id,
    cp.category,
    cp.stock,
    cp.rating,
    cp.purchased,
    ROW_NUMBER() OVER (PARTITION BY cp.user_id ORDER BY cp.purchased DESC, cp.rating DESC,
      cp.product_id, cp.event_time) AS rn
  FROM category_products cp
;

SELECT * FROM top_products WHERE rn <= 6;
