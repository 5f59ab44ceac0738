-- error: TIMESTAMP_LTZ
-- error: line 4, column 8
-- flink: ParseException: Incorrect syntax near the keyword 'TIMESTAMP_LTZ' at line 3, column 8.
SELECT TIMESTAMP_LTZ '2024-01-01 00:00:00';
