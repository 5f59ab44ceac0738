-- error: You must specify either rowtime or proctime for order by
-- flink: TableException: You must specify either rowtime or proctime for order by as the first one.
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
        ORDER BY price
        MEASURES A.price AS p
        PATTERN (A B)
        DEFINE B AS B.price > A.price
    );
