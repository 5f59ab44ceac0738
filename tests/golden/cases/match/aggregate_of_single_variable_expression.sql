-- Aggregates and LAST over an expression of one variable: SUM(A.price * A.tax), LAST(A.price * A.tax).
-- compare: raw

CREATE TABLE Ticker (
  symbol STRING,
  price BIGINT,
  tax BIGINT,
  rowtime TIMESTAMP(3),
  WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/ticker_docs_avg.csv',
  'format' = 'csv'
);

SELECT *
FROM Ticker
MATCH_RECOGNIZE (
  PARTITION BY symbol
  ORDER BY rowtime
  MEASURES
    SUM(A.price * A.tax) AS taxed_volume,
    LAST(A.price * A.tax) AS last_taxed,
    FIRST(A.rowtime) AS start_tstamp
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A+ B)
  DEFINE
    A AS SUM(A.price * A.tax) < 100
);
