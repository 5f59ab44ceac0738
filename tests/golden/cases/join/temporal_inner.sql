-- Event-time temporal join: each order meets the rate in force at its time; an order before
-- any rate of its currency, or of a currency without rates, has no partner.
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

CREATE TABLE Rates (
  currency STRING,
  rate DECIMAL(5, 2),
  update_time TIMESTAMP(3),
  WATERMARK FOR update_time AS update_time,
  PRIMARY KEY (currency) NOT ENFORCED
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/fx_rates.csv',
  'format' = 'csv'
);

SELECT o.id, o.currency, o.amount, r.rate, o.amount * r.rate AS converted, o.order_time
FROM Orders AS o
JOIN Rates FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.currency = r.currency;
