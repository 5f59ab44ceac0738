-- UNIX_TIMESTAMP with the default format reads as Java's lenient SimpleDateFormat: fields past
-- their range carry over, all six fields are needed, and text after the seconds is ignored.
-- compare: raw

SET 'table.local-time-zone' = 'UTC';

SELECT
  UNIX_TIMESTAMP('2024-02-30 10:00:00') AS feb30,
  UNIX_TIMESTAMP('2024-13-01 00:00:00') AS month13,
  UNIX_TIMESTAMP('2024-02-31 25:61:00') AS carries,
  UNIX_TIMESTAMP('2024-00-10 00:00:00') AS month0,
  UNIX_TIMESTAMP('2024-02-10') AS date_only,
  UNIX_TIMESTAMP('2024-02-10 10:00:00.5') AS fraction;
