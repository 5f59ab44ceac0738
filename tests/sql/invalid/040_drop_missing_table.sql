-- error: Table with identifier 'default_catalog.default_database.nope' does not exist
-- flink: ValidationException: Table with identifier 'default_catalog.default_database.nope' does not exist.
DROP TABLE nope;
