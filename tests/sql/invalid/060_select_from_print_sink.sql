-- error: Connector 'print' can only be used as a sink
-- flink: ValidationException: Connector 'print' can only be used as a sink. It cannot be used as a source.
CREATE TABLE t (id BIGINT) WITH ('connector' = 'print');
SELECT * FROM t;
