-- Flink docs, Order of Events: ORDER BY rowtime ASC, price DESC is valid.
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
        ORDER BY rowtime ASC, price DESC
        MEASURES
            A.price AS aPrice,
            B.price AS bPrice
        PATTERN (A B)
        DEFINE
            B AS B.price > A.price
    );
