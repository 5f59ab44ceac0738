-- error: Tables or views with the identifier 'default_catalog.default_database.nope' doesn't exist
-- flink: ValidationException: Tables or views with the identifier 'default_catalog.default_database.nope' doesn't exist.
DESCRIBE nope;
