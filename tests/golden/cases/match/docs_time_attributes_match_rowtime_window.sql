-- Flink docs, Time attributes: MATCH_ROWTIME() of price drops feeding a TUMBLE window.
-- compare: raw

CREATE TABLE Ticker (
  symbol STRING,
  price BIGINT,
  tax BIGINT,
  rowtime TIMESTAMP(3),
  WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/ticker_docs_intro.csv',
  'format' = 'csv'
);

CREATE TEMPORARY VIEW PriceDrops AS
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            MATCH_ROWTIME() AS matchTime,
            A.price - B.price AS priceDrop
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B)
        DEFINE
            B AS B.price < A.price
    );

SELECT symbol, window_start, window_end, COUNT(*) AS drops, MAX(priceDrop) AS maxDrop
FROM TABLE(TUMBLE(TABLE PriceDrops, DESCRIPTOR(matchTime), INTERVAL '3' SECOND))
GROUP BY symbol, window_start, window_end;
