-- error: Encountered "day"
-- error: backticks
-- error: line 6, column 5
-- flink: ParseException: Encountered "day" at line 4, column 5.
CREATE TABLE daily (
    day DATE,
    revenue DOUBLE
) WITH ('connector' = 'datagen');
