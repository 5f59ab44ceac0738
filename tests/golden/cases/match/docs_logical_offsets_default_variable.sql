-- Flink docs, Logical Offsets: LAST(price, 1) over every row mapped so far.
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

SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.price AS cPrice,
            FIRST(price, 1) AS secondPrice
        PATTERN (A B? C)
        DEFINE
          B AS B.price < 20,
          C AS LAST(price, 1) < C.price
    );
