-- error: Encountered "C"
-- error: line 19, column 13
-- flink: ParseException: Encountered "C" at line 10, column 13.
CREATE TABLE Ticker (
    symbol STRING,
    price BIGINT,
    rowtime TIMESTAMP(3),
    WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND
) WITH ('connector' = 'datagen');
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES C.rowtime AS dropTime
        PATTERN (A B* C) WITHIN INTERVAL '1' HOUR
        DEFINE
            B AS B.price > A.price - 10
            C AS C.price < A.price - 10
    );
