-- An unknown table is rejected.
-- error: Object 'NoSuchTable' not found
-- flink: org.apache.calcite.sql.validate.SqlValidatorException: Object 'NoSuchTable' not found

SELECT * FROM NoSuchTable;
