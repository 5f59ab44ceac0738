-- Flink docs, After Match Strategy: SKIP TO FIRST A fails the job at run time.
-- error: Could not skip to first element of a match
-- flink: org.apache.flink.util.FlinkRuntimeException: Could not skip to first element of a match.

CREATE TABLE Ticker (
  symbol STRING,
  price BIGINT,
  tax BIGINT,
  rowtime TIMESTAMP(3),
  WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/ticker_docs_skip.csv',
  'format' = 'csv'
);

SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            SUM(A.price) AS sumPrice,
            FIRST(rowtime) AS startTime,
            LAST(rowtime) AS endTime
        ONE ROW PER MATCH
        AFTER MATCH SKIP TO FIRST A
        PATTERN (A+ C)
        DEFINE
            A AS SUM(A.price) < 30
    );
