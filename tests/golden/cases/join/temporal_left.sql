-- LEFT temporal join: orders without a rate in force are kept, padded with NULLs.
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

SELECT o.id, r.rate, r.update_time
FROM Orders AS o
LEFT JOIN Rates FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.currency = r.currency;
