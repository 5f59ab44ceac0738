-- error: Encountered "2"
-- error: line 4, column 10
-- flink: ParseException: Encountered "2" at line 3, column 10.
SELECT 1 2;
