-- A temporal join against a versioned view: the latest row per key of an append-only log.
-- compare: fold

CREATE TABLE Orders (
  id INT,
  currency STRING,
  amount INT,
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/fx_orders.csv',
  'format' = 'csv'
);

CREATE TABLE RatesLog (
  currency STRING,
  rate DECIMAL(5, 2),
  update_time TIMESTAMP(3),
  WATERMARK FOR update_time AS update_time
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/fx_rates.csv',
  'format' = 'csv'
);

CREATE VIEW VersionedRates AS
SELECT currency, rate, update_time FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY currency ORDER BY update_time DESC) AS rn
  FROM RatesLog)
WHERE rn = 1;

SELECT o.id, r.rate
FROM Orders AS o
JOIN VersionedRates FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.currency = r.currency;
