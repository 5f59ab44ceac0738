-- error: Source table '`default_catalog`.`default_database`.`nope`' of the LIKE clause not found in the catalog
-- flink: ValidationException: Source table '`default_catalog`.`default_database`.`nope`' of the LIKE clause not found in the catalog, at line 2, column 55
CREATE TABLE t2 WITH ('connector' = 'blackhole') LIKE nope;
