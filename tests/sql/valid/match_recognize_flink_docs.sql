-- The examples of Flink's "Pattern Recognition" page
-- (apache/flink docs/content/docs/dev/table/sql/queries/match_recognize.md), in page order, with
-- the tables they assume. The queries are verbatim except: a ';' ends each one, the
-- time-constraint example gets the comma its DEFINE list is missing, and the page's
-- pattern fragments are completed into full queries.

CREATE TABLE Ticker (
    symbol STRING,
    price BIGINT,
    tax BIGINT,
    rowtime TIMESTAMP(3),
    WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND
) WITH (
    'connector' = 'filesystem',
    'path' = '/data/ticker.csv',
    'format' = 'csv'
);

CREATE TABLE MyTable (
    userid STRING,
    id BIGINT,
    name STRING,
    proctime AS PROCTIME()
) WITH (
    'connector' = 'datagen'
);

-- docs_basic_syntax
SELECT T.aid, T.bid, T.cid
FROM MyTable
    MATCH_RECOGNIZE (
      PARTITION BY userid
      ORDER BY proctime
      MEASURES
        A.id AS aid,
        B.id AS bid,
        C.id AS cid
      PATTERN (A B C)
      DEFINE
        A AS name = 'a',
        B AS name = 'b',
        C AS name = 'c'
    ) AS T;

-- docs_intro_price_down
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            START_ROW.rowtime AS start_tstamp,
            LAST(PRICE_DOWN.rowtime) AS bottom_tstamp,
            LAST(PRICE_UP.rowtime) AS end_tstamp
        ONE ROW PER MATCH
        AFTER MATCH SKIP TO LAST PRICE_UP
        PATTERN (START_ROW PRICE_DOWN+ PRICE_UP)
        DEFINE
            PRICE_DOWN AS
                (LAST(PRICE_DOWN.price, 1) IS NULL AND PRICE_DOWN.price < START_ROW.price) OR
                    PRICE_DOWN.price < LAST(PRICE_DOWN.price, 1),
            PRICE_UP AS
                PRICE_UP.price > LAST(PRICE_DOWN.price, 1)
    ) MR;

-- docs_aggregations_avg
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            FIRST(A.rowtime) AS start_tstamp,
            LAST(A.rowtime) AS end_tstamp,
            AVG(A.price) AS avgPrice
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A+ B)
        DEFINE
            A AS AVG(A.price) < 15
    ) MR;

-- docs_aggregations_single_variable_expression: "SUM(A.price * A.tax) is a valid one"
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            SUM(A.price * A.tax) AS taxedVolume,
            LAST(A.price * A.tax) AS lastTaxed
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A+ B)
        DEFINE
            A AS SUM(A.price * A.tax) < 100
    ) MR;

-- docs_greedy_quantifier
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.price AS lastPrice
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B* C)
        DEFINE
            A AS A.price > 10,
            B AS B.price < 15,
            C AS C.price > 12
    );

-- docs_reluctant_quantifier: the same query with B*? instead of B*
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.price AS lastPrice
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B*? C)
        DEFINE
            A AS A.price > 10,
            B AS B.price < 15,
            C AS C.price > 12
    );

-- docs_greedy_last_workaround: PATTERN (A B* C) with C defined as NOT condB()
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            FIRST(B.price) AS firstB,
            LAST(B.price) AS lastB
        PATTERN (A B* C)
        DEFINE
            A AS A.price > 10,
            B AS B.price < 15,
            C AS NOT (C.price < 15)
    );

-- docs_time_constraint_within (the page omits the comma after the B definition)
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.rowtime AS dropTime,
            A.price - C.price AS dropDiff
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B* C) WITHIN INTERVAL '1' HOUR
        DEFINE
            B AS B.price > A.price - 10,
            C AS C.price < A.price - 10
    );

-- docs_output_mode_default_skip
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            FIRST(A.price) AS startPrice,
            LAST(A.price) AS topPrice,
            B.price AS lastPrice
        ONE ROW PER MATCH
        PATTERN (A+ B)
        DEFINE
            A AS LAST(A.price, 1) IS NULL OR A.price > LAST(A.price, 1),
            B AS B.price < LAST(A.price)
    );

-- docs_pattern_variable_referencing: PATTERN (A B+) with SUM over * and over B
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

-- docs_logical_offsets: LAST(B.price, 1) / LAST(B.price, 2)
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            FIRST(B.price) AS firstB,
            LAST(B.price) AS lastB
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B+ C)
        DEFINE
          A AS A.price >= 10,
          B AS (LAST(B.price, 1) IS NULL OR B.price > LAST(B.price, 1)) AND
               (LAST(B.price, 2) IS NULL OR B.price > 2 * LAST(B.price, 2))
    );

-- docs_logical_offsets_default_variable: LAST(price, 1) over all rows mapped so far
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

-- docs_after_match_skip_past_last_row
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
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A+ C)
        DEFINE
            A AS SUM(A.price) < 30
    );

-- docs_after_match_skip_to_next_row
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
        AFTER MATCH SKIP TO NEXT ROW
        PATTERN (A+ C)
        DEFINE
            A AS SUM(A.price) < 30
    );

-- docs_after_match_skip_to_last_a
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
        AFTER MATCH SKIP TO LAST A
        PATTERN (A+ C)
        DEFINE
            A AS SUM(A.price) < 30
    );

-- docs_after_match_skip_to_first_a: valid SQL; the job fails at run time (the page says so)
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

-- docs_time_attributes: MATCH_ROWTIME() feeding a window, MATCH_PROCTIME() as a measure
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
FROM TABLE(TUMBLE(TABLE PriceDrops, DESCRIPTOR(matchTime), INTERVAL '1' MINUTE))
GROUP BY symbol, window_start, window_end;

SELECT *
FROM MyTable
    MATCH_RECOGNIZE (
      PARTITION BY userid
      ORDER BY proctime
      MEASURES
        MATCH_PROCTIME() AS matchProctime,
        LAST(B.id) AS lastId
      PATTERN (A B)
      DEFINE
        A AS name = 'a',
        B AS name = 'b'
    ) AS T;

-- docs_memory_consumption: B+ that can never finish, fixed by a negated C or a reluctant B
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.price AS cPrice
        PATTERN (A B+ C)
        DEFINE
          A as A.price > 10,
          C as C.price > 20
    );

SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.price AS cPrice
        PATTERN (A B+ C)
        DEFINE
          A as A.price > 10,
          B as B.price <= 20,
          C as C.price > 20
    );

SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            C.price AS cPrice
        PATTERN (A B+? C)
        DEFINE
          A as A.price > 10,
          C as C.price > 20
    );

-- docs_order_of_events: "ORDER BY rowtime ASC, price DESC is valid"
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

-- docs_quantifiers: the quantifier table ({n}, {n,}, {n,m}, {0,m}; reluctant forms)
SELECT *
FROM Ticker
    MATCH_RECOGNIZE(
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            COUNT(B.price) AS bCount,
            LAST(D.price) AS dPrice
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A{2} B{1,} C{0,3}? D{2,4}? E)
        DEFINE
            A AS A.price > 10,
            B AS B.price > 12,
            C AS C.price < 5,
            D AS D.price > 20
    ) AS T;
