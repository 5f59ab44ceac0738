-- SQL client commands and the statements that inspect the catalog:
-- SET / RESET / SHOW / DESCRIBE / EXPLAIN / USE / jobs / jars / modules / HELP / QUIT.

CREATE TABLE orders (
    order_id BIGINT,
    customer_id STRING,
    amount DECIMAL(10, 2),
    order_time TIMESTAMP(3),
    WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
    'connector' = 'datagen'
);

CREATE TABLE order_sink (
    customer_id STRING,
    total DECIMAL(38, 2),
    PRIMARY KEY (customer_id) NOT ENFORCED
) WITH (
    'connector' = 'blackhole'
);

CREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 100;

HELP;

SET;

SET 'sql-client.execution.result-mode' = 'tableau';

SET 'execution.runtime-mode'='streaming';

SET 'table.exec.state.ttl' = '1 h';

SET 'pipeline.name' = 'it''s my job';

set 'parallelism.default' = '2';

RESET 'table.exec.state.ttl';

RESET;

SHOW CATALOGS;

SHOW CURRENT CATALOG;

SHOW DATABASES;

SHOW CURRENT DATABASE;

SHOW TABLES;

SHOW TABLES FROM default_catalog.default_database;

SHOW TABLES LIKE 'order%';

SHOW TABLES IN default_database NOT LIKE '%sink';

SHOW VIEWS;

SHOW FUNCTIONS;

SHOW USER FUNCTIONS;

SHOW MODULES;

SHOW FULL MODULES;

SHOW COLUMNS FROM orders;

SHOW COLUMNS IN orders LIKE '%_id';

SHOW CREATE TABLE orders;

SHOW CREATE VIEW big_orders;

SHOW JOBS;

SHOW JARS;

DESCRIBE orders;

DESC orders;

DESCRIBE default_catalog.default_database.big_orders;

EXPLAIN SELECT customer_id, SUM(amount) FROM orders GROUP BY customer_id;

EXPLAIN PLAN FOR SELECT * FROM orders WHERE amount > 10;

EXPLAIN CHANGELOG_MODE SELECT customer_id, COUNT(*) FROM orders GROUP BY customer_id;

EXPLAIN ESTIMATED_COST, CHANGELOG_MODE, JSON_EXECUTION_PLAN
SELECT customer_id, SUM(amount) FROM orders GROUP BY customer_id;

EXPLAIN PLAN_ADVICE SELECT customer_id, MAX(amount) FROM orders GROUP BY customer_id;

EXPLAIN INSERT INTO order_sink SELECT customer_id, SUM(amount) FROM orders GROUP BY customer_id;

EXPLAIN STATEMENT SET BEGIN
INSERT INTO order_sink SELECT customer_id, SUM(amount) FROM orders GROUP BY customer_id;
END;

USE CATALOG default_catalog;

USE default_database;

USE default_catalog.default_database;

USE MODULES core;

STOP JOB 'cca7bc1061d61cf15238e92312c2fc20';

STOP JOB 'cca7bc1061d61cf15238e92312c2fc20' WITH SAVEPOINT;

STOP JOB 'cca7bc1061d61cf15238e92312c2fc20' WITH SAVEPOINT WITH DRAIN;

ADD JAR '/opt/flink/usrlib/my-udfs.jar';

REMOVE JAR '/opt/flink/usrlib/my-udfs.jar';

CLEAR;

QUIT;

EXIT;
