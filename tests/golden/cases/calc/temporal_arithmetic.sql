-- Adding intervals to timestamps and dates; TIMESTAMPADD and TIMESTAMPDIFF.
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

SELECT id, ts + INTERVAL '1' DAY AS next_day, ts - INTERVAL '90' MINUTE AS minus_90m,
       dt + INTERVAL '1' MONTH AS dt_next_month, ts + INTERVAL '1' YEAR AS next_year,
       TIMESTAMPADD(HOUR, 5, ts) AS plus_5h,
       TIMESTAMPDIFF(DAY, ts, TIMESTAMP '2024-03-01 00:00:00') AS days_to_march,
       TIMESTAMPDIFF(SECOND, ts, ts6) AS diff_s
FROM Times;
