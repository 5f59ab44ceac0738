-- A processing-time temporal join against a table that is not a lookup source.
-- error: Processing-time temporal join is not supported yet
-- flink: org.apache.flink.table.api.TableException: Processing-time temporal join is not supported yet.

CREATE TABLE Orders (
  id INT,
  currency STRING,
  amount INT,
  p AS PROCTIME()
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

SELECT o.id, r.rate
FROM Orders AS o
JOIN Rates FOR SYSTEM_TIME AS OF o.p AS r
ON o.currency = r.currency;
