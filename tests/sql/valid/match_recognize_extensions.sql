-- flinklite-extension: syntax Flink's parser accepts or rejects; semantics beyond Flink
-- Row pattern recognition as SQL:2016 defines it (ISO/IEC 19075-5; see Oracle's and Trino's
-- MATCH_RECOGNIZE documentation), beyond the subset Flink runs. Flink 2.3 rejects these
-- statements, by its parser (SHOW EMPTY MATCHES, OMIT EMPTY MATCHES, WITH UNMATCHED ROWS), its
-- validator (MATCH_NUMBER, PREV/NEXT in MEASURES, DISTINCT aggregates) or its planner (the
-- rest); flinklite accepts them as extensions and EXPLAIN marks them as not portable to Flink.
-- Exception: the anchors ^ and $ pass Flink 2.3's planner without an error (its docs say they
-- are unsupported), so flinklite must give them Flink's meaning there.

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

-- ALL ROWS PER MATCH with CLASSIFIER(), MATCH_NUMBER() and RUNNING / FINAL measures
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            CLASSIFIER() AS var,
            MATCH_NUMBER() AS match_num,
            RUNNING LAST(DOWN.price) AS running_low,
            FINAL LAST(DOWN.price) AS final_low,
            RUNNING COUNT(*) AS rows_so_far
        ALL ROWS PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (STRT DOWN+ UP)
        DEFINE
            DOWN AS DOWN.price < PREV(DOWN.price),
            UP AS UP.price > PREV(UP.price)
    ) AS MR;

SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES CLASSIFIER() AS var
        ALL ROWS PER MATCH SHOW EMPTY MATCHES
        PATTERN (A*)
        DEFINE A AS A.price > 10
    );

SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES MATCH_NUMBER() AS m
        ALL ROWS PER MATCH OMIT EMPTY MATCHES
        PATTERN (A* B)
        DEFINE A AS A.price > 10, B AS B.price <= 10
    );

SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES CLASSIFIER() AS var, MATCH_NUMBER() AS m
        ALL ROWS PER MATCH WITH UNMATCHED ROWS
        PATTERN (UP{2,})
        DEFINE UP AS UP.price > PREV(UP.price)
    );

-- physical offsets PREV / NEXT, with offsets and nested in logical navigation
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            A.price AS a_price,
            PREV(A.price, 2) AS two_before,
            NEXT(B.price) AS after_b,
            PREV(LAST(B.price), 1) AS before_last_b,
            NEXT(FIRST(A.price, 1), 2) AS nested
        ONE ROW PER MATCH
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B+ C)
        DEFINE
            A AS A.price > PREV(A.price),
            B AS B.price < PREV(B.price, 1) AND B.price > PREV(A.price, 3),
            C AS C.price > NEXT(C.price, 0)
    );

-- alternation, grouping with quantifiers, PERMUTE
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES CLASSIFIER() AS last_var, LAST(E.price) AS end_price
        PATTERN ((A B | C D) E)
        DEFINE
            A AS A.price > 10, B AS B.price < 10,
            C AS C.price > 20, D AS D.price < 20,
            E AS E.price = 15
    );

SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES COUNT(B.price) AS bs, LAST(D.price) AS d_price
        PATTERN (A (B C)+ D)
        DEFINE
            B AS B.price > A.price, C AS C.price < B.price, D AS D.price > 100
    );

SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES FIRST(A.rowtime) AS a_time, FIRST(B.rowtime) AS b_time
        PATTERN (PERMUTE(A, B, C) D)
        DEFINE A AS A.tax = 1, B AS B.tax = 2, C AS C.tax = 3
    );

SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES LAST(C.price) AS c_price
        PATTERN ((A | B){2,3}? C)
        DEFINE A AS A.price < 10, B AS B.price > 90, C AS C.price BETWEEN 10 AND 90
    );

-- exclusion, anchors, SUBSET
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES CLASSIFIER() AS var
        ALL ROWS PER MATCH
        PATTERN (A {- B+ -} C)
        DEFINE B AS B.price < A.price, C AS C.price > A.price
    );

SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES FIRST(A.price) AS first_price
        PATTERN (^ A+? B)
        DEFINE A AS A.price > 10, B AS B.price <= 10
    );

SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES LAST(A.price) AS last_price
        PATTERN (A B $)
        DEFINE B AS B.price > A.price
    );

SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES
            AVG(UD.price) AS avg_updown,
            FIRST(STRT.rowtime) AS start_time,
            LAST(UD.rowtime) AS end_time
        ONE ROW PER MATCH
        AFTER MATCH SKIP TO LAST UD
        PATTERN (STRT DOWN+ UP+ END_ROW)
        SUBSET UD = (UP, DOWN)
        DEFINE
            DOWN AS DOWN.price < PREV(DOWN.price),
            UP AS UP.price > PREV(UP.price),
            END_ROW AS END_ROW.price < PREV(END_ROW.price)
    );

-- quantifiers Flink rejects: a greedy last element, {,m}, a reluctant optional
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES LAST(B.price) AS top_price, COUNT(B.price) AS rises
        AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B+)
        DEFINE B AS B.price > LAST(B.price, 1) OR LAST(B.price, 1) IS NULL
    );

SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES COUNT(B.price) AS bs
        PATTERN (A B{,3} C)
        DEFINE B AS B.price < 10, C AS C.price >= 10
    );

SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES C.price AS c_price
        PATTERN (A B?? C)
        DEFINE B AS B.price < 10, C AS C.price > 20
    );

-- a variable used twice in one pattern, and a DISTINCT aggregate in MEASURES
SELECT *
FROM Ticker
    MATCH_RECOGNIZE (
        PARTITION BY symbol
        ORDER BY rowtime
        MEASURES FIRST(A.price) AS a1, LAST(A.price) AS a2, COUNT(DISTINCT B.tax) AS taxes
        PATTERN (A B+? A)
        DEFINE A AS A.price > 50, B AS B.price <= 50
    );
