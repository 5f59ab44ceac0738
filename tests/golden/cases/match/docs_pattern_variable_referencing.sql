-- Flink docs, Pattern Variable Referencing: SUM over all rows and over B in DEFINE.
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
            A.price AS aPrice,
            SUM(price) AS totalPrice,
            SUM(B.price) AS bPrice
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B+ C)
        DEFINE
          A AS A.price >= 10,
          B AS B.price > A.price AND SUM(price) < 100 AND SUM(B.price) < 80
    );
