-- CAST and TO_TIMESTAMP read a day of 29 to 31 past the month's end as its last day (Java's
-- SMART resolver); other out-of-range fields give NULL with TRY_CAST, and DATE stays strict.
-- compare: raw

SET 'table.local-time-zone' = 'UTC';

SELECT
  CAST('2024-02-30 10:00:00' AS TIMESTAMP) AS feb30,
  TRY_CAST('2023-02-29 01:02:03' AS TIMESTAMP(3)) AS feb29_no_leap,
  TRY_CAST('2024-04-31' AS TIMESTAMP) AS apr31,
  TRY_CAST('2024-13-01' AS TIMESTAMP) AS month13,
  TRY_CAST('2024-02-32' AS TIMESTAMP) AS day32,
  TRY_CAST('2024-02-31 25:00:00' AS TIMESTAMP) AS hour25,
  TRY_CAST('2024-04-31' AS DATE) AS date_apr31,
  TO_TIMESTAMP('2024-02-30 10:00:00') AS to_ts,
  TO_TIMESTAMP('2024-06-31 10:00:00', 'yyyy-MM-dd HH:mm:ss') AS to_ts_pattern,
  CAST('2024-02-30' AS TIMESTAMP_LTZ) AS ltz;
