-- MATCH_RECOGNIZE over a GROUP BY result is rejected.
-- error: doesn't support consuming update changes which is produced by node GroupAggregate
-- flink: org.apache.flink.table.api.TableException: Match Recognize doesn't support consuming update changes which is produced by node GroupAggregate(groupBy=[grp], select=[grp, MAX(id) AS id, MAX(price) AS price])

CREATE TABLE Letters (
  id INT,
  grp STRING,
  name STRING,
  price INT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/match_letters.csv',
  'format' = 'csv'
);

SELECT *
FROM (
  SELECT name AS grp, MAX(id) AS id, MAX(price) AS price, PROCTIME() AS ts FROM Letters GROUP BY name
)
MATCH_RECOGNIZE (
  ORDER BY ts
  MEASURES
    A.id AS a_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B)
  DEFINE
    B AS B.price > A.price
);
