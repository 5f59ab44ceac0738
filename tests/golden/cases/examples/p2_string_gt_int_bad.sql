-- Oracle probe: STRING > INT on a non-numeric string fails the job.
-- error: NumberFormatException
-- flink: java.lang.NumberFormatException: For input string: 'abc'. Invalid character found.

SELECT s, s > 3 AS gt FROM (VALUES ('5'), ('abc')) t(s);
