-- error: Illegal use of 'NULL'
-- flink: SqlValidatorException: Illegal use of 'NULL'
SELECT NULL;
