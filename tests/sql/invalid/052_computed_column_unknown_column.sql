-- error: Unknown identifier 'qty'
-- flink: SqlValidatorException: Unknown identifier 'qty'
CREATE TABLE t (
    price DOUBLE,
    quantity INT,
    total AS price * qty
) WITH ('connector' = 'datagen');
