-- error: does not exist
-- flink: ValidationException: View with identifier 'default_catalog.default_database.nope' does not exist.
DROP VIEW nope;
