-- error: Encountered ")"
-- error: line 4, column 17
-- flink: ParseException: Encountered ")" at line 3, column 17.
CREATE TABLE t () WITH ('connector' = 'datagen');
