-- error: Object 'Nope' not found
-- flink: SqlValidatorException: Object 'Nope' not found
SELECT * FROM Nope;
