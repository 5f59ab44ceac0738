-- error: Primary key column 'nope' is not defined in the schema
-- flink: ValidationException: Primary key column 'nope' is not defined in the schema at line 4, column 18
CREATE TABLE t (
    id BIGINT,
    PRIMARY KEY (nope) NOT ENFORCED
) WITH ('connector' = 'datagen');
