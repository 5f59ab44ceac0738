-- error: No match found for function signature MY_UDF(<NUMERIC>, <CHARACTER>)
-- flink: SqlValidatorException: No match found for function signature my_udf(<NUMERIC>, <CHARACTER>)
CREATE TABLE s (a INT, b STRING) WITH ('connector' = 'datagen');
SELECT my_udf(a, b) FROM s;
