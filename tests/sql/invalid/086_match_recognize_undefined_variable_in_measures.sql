-- error: 'X'
-- flink: SqlValidatorException: Table 'X' not found
CREATE TABLE Ticker (
    symbol STRING,
    price BIGINT,
    rowtime TIMESTAMP(3),
    WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES X.price AS p
        PATTERN (A B)
        DEFINE B AS B.price > A.price
    );
