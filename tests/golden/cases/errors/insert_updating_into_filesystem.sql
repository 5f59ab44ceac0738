-- An updating query cannot be inserted into the append-only filesystem sink.
-- error: doesn't support consuming update changes
-- flink: org.apache.flink.table.api.TableException: Table sink 'default_catalog.default_database.UserCounts' doesn't support consuming update changes which is produced by node GroupAggregate(groupBy=[user_id], select=[user_id, COUNT(*) AS EXPR$1])

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

CREATE TABLE UserCounts (
  user_id STRING,
  cnt BIGINT
) WITH (
  'connector' = 'filesystem',
  'path' = '/tmp/flinklite-golden-never-written',
  'format' = 'csv'
);

INSERT INTO UserCounts
SELECT user_id, COUNT(*) FROM SalesRecordTable GROUP BY user_id;
