-- error: does not exist
-- flink: FunctionNotExistException: Function default_database.nope does not exist in Catalog default_catalog.
DROP FUNCTION nope;
