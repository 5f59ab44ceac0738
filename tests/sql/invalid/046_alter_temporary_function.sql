-- error: Alter temporary catalog function is not supported
-- flink: ValidationException: Alter temporary catalog function is not supported
CREATE TEMPORARY FUNCTION f AS 'org.apache.flink.table.functions.BuiltInFunctionDefinitions';
ALTER TEMPORARY FUNCTION f AS 'com.example.Other';
