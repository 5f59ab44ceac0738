-- CREATE OR REPLACE TABLE (with and without AS) and REPLACE TABLE .. AS.
CREATE TABLE src (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3');
CREATE OR REPLACE TABLE t (x INT) WITH ('connector' = 'blackhole');
CREATE OR REPLACE TABLE t WITH ('connector' = 'blackhole') AS SELECT a FROM src;
DESCRIBE t;
CREATE OR REPLACE TABLE t WITH ('connector' = 'blackhole') AS SELECT a, a + 1 AS b FROM src;
DESCRIBE t;
REPLACE TABLE t WITH ('connector' = 'blackhole') AS SELECT a FROM src;
REPLACE TABLE nope WITH ('connector' = 'blackhole') AS SELECT a FROM src;
