-- A temporal join needs a versioned table: one with a primary key.
-- error: Temporal Table Join requires primary key in versioned table
-- flink: org.apache.flink.table.api.ValidationException: Temporal Table Join requires primary key in versioned table, but no primary key can be found. The physical plan is:

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

SELECT o.id, r.rate
FROM Orders AS o
JOIN RatesLog FOR SYSTEM_TIME AS OF o.order_time AS r
ON o.currency = r.currency;
