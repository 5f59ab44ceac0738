-- error: Column named 'id' already exists
-- flink: ValidationException: A regular Column named 'id' already exists in the table.
CREATE TABLE t (id BIGINT, name STRING, id INT) WITH ('connector' = 'datagen');
