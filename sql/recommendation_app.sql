-- The StreamsHub recommendation-app tutorial on flinklite's built-in generator.
--
-- The tutorial's tables with the Kafka options swapped for the 'flinklite-generator' connector
-- (clicks and sales of the StreamsHub data generator, one simulated minute each, seeded) and
-- the product inventory read from sql/data/productInventory.csv (the tutorial's file; its path
-- is a variable, ${inventory}). The views and the recommendation query are the tutorial's,
-- unchanged: for each user, every 5 seconds of clicks, the top six products of the categories
-- they clicked, ones they bought first, then by rating.
-- Run it with:  flinklite -f sql/recommendation_app.sql

SET 'sql-client.execution.result-mode' = 'tableau';

CREATE TABLE ProductInventoryTable (
    product_id STRING,
    category STRING,
    stock STRING,
    rating STRING
) WITH (
    'connector' = 'filesystem',
    'path' = '${inventory:-sql/data/productInventory.csv}',
    'format' = 'csv',
    'csv.ignore-parse-errors' = 'true'
);

CREATE TABLE ClickStreamTable (
  user_id STRING,
  product_id STRING,
  `event_time` TIMESTAMP(3) METADATA FROM 'timestamp',
  WATERMARK FOR event_time AS event_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'flinklite-generator',
  'data' = 'clickStream',
  'clock' = 'simulated',
  'start-time' = '2025-01-01 00:00:00',
  'seed' = '7',
  'number-of-rows' = '60'
);

CREATE TABLE SalesRecordTable (
  invoice_id STRING,
  user_id STRING,
  product_id STRING,
  quantity STRING,
  unit_cost STRING,
  `purchase_time` TIMESTAMP(3) METADATA FROM 'timestamp',
  WATERMARK FOR purchase_time AS purchase_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'flinklite-generator',
  'data' = 'sales',
  'clock' = 'simulated',
  'start-time' = '2025-01-01 00:00:00',
  'seed' = '7',
  'number-of-rows' = '6000'
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
    p.rating;

CREATE TEMPORARY VIEW top_products AS
  SELECT cp.user_id,
    cp.event_time,
    cp.product_id,
    cp.category,
    cp.stock,
    cp.rating,
    cp.purchased,
    ROW_NUMBER() OVER (PARTITION BY cp.user_id ORDER BY cp.purchased DESC, cp.rating DESC) AS rn
  FROM category_products cp;


SELECT
  user_id,
  LISTAGG(product_id, ',') AS top_product_ids,
  TUMBLE_END(event_time, INTERVAL '5' SECOND) as window_end_timestamp
FROM top_products
WHERE rn <= 6
GROUP BY user_id,
TUMBLE(event_time, INTERVAL '5' SECOND);

