-- error: Encountered "my"
-- error: line 4, column 23
-- flink: ParseException: Encountered "my" at line 2, column 23.
SET 'pipeline.name' = my job;
