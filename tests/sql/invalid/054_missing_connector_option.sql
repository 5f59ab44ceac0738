-- error: Table options do not contain an option key 'connector' for discovering a connector
-- flink: ValidationException: Table options do not contain an option key 'connector' for discovering a connector.
CREATE TABLE t (id BIGINT) WITH ('conector' = 'datagen');
SELECT * FROM t;
