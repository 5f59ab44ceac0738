-- error: Object 'nocat' not found
-- flink: SqlValidatorException: Object 'nocat' not found
SELECT * FROM nocat.nodb.orders;
