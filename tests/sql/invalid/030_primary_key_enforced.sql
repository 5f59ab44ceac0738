-- error: Flink doesn't support ENFORCED mode for PRIMARY KEY constraint
-- flink: SqlValidateException: Flink doesn't support ENFORCED mode for PRIMARY KEY constraint. ENFORCED/NOT ENFORCED controls if the constraint checks are performed on the incoming/outgoing data. Flink does not own the data therefore th...
CREATE TABLE t (
    id BIGINT,
    PRIMARY KEY (id) ENFORCED
) WITH ('connector' = 'datagen');
