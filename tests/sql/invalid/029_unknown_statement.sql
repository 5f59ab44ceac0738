-- error: Encountered "SHOUT"
-- error: line 4, column 1
-- flink: CalciteException: Non-query expression encountered in illegal context
SHOUT TABLES;
