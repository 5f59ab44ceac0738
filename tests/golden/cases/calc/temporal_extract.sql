-- EXTRACT and the YEAR/MONTH/... shorthands over TIMESTAMP and DATE.
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

SELECT id, EXTRACT(YEAR FROM ts) AS y, EXTRACT(MONTH FROM ts) AS mo, EXTRACT(DAY FROM ts) AS d,
       EXTRACT(HOUR FROM ts) AS h, EXTRACT(MINUTE FROM ts) AS mi, EXTRACT(SECOND FROM ts) AS s,
       YEAR(dt) AS dy, QUARTER(dt) AS q, DAYOFWEEK(dt) AS dow, DAYOFYEAR(dt) AS doy,
       DAYOFMONTH(dt) AS dom, HOUR(ts) AS hr
FROM Times;
