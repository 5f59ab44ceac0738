-- DATE_FORMAT, TO_TIMESTAMP, TO_DATE and UNIX_TIMESTAMP (UTC session zone).
-- compare: raw

CREATE TABLE Times (
  id INT,
  ts TIMESTAMP(3),
  ts6 TIMESTAMP(6),
  dt DATE,
  tm TIME(0)
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/times.jsonl',
  'format' = 'json'
);

SELECT id, DATE_FORMAT(ts, 'yyyy/MM/dd HH:mm:ss') AS formatted,
       TO_TIMESTAMP(DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm:ss')) AS reparsed,
       TO_DATE(CAST(dt AS STRING)) AS to_date,
       UNIX_TIMESTAMP(DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm:ss')) AS epoch_s
FROM Times;
