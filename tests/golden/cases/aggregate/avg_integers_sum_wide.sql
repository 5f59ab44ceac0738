-- AVG over INT, SMALLINT and TINYINT sums in a BIGINT: a running sum past the argument's range
-- does not wrap (SUM over INT does), and the average truncates toward zero.
-- compare: raw

SELECT AVG(i) AS avg_int, SUM(i) AS sum_int, AVG(s) AS avg_small, AVG(t) AS avg_tiny
FROM (VALUES
  (2147483647, CAST(32767 AS SMALLINT), CAST(127 AS TINYINT)),
  (2147483647, CAST(32767 AS SMALLINT), CAST(127 AS TINYINT)),
  (-7, CAST(-5 AS SMALLINT), CAST(-3 AS TINYINT))
) AS t(i, s, t);
