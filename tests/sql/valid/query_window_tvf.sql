-- Windowing table-valued functions: TUMBLE, HOP, CUMULATE, SESSION; window aggregation,
-- window Top-N, window join, window deduplication.

CREATE TABLE bids (
    bid_id STRING,
    item STRING,
    supplier_id STRING,
    price DECIMAL(10, 2),
    bidtime TIMESTAMP(3),
    WATERMARK FOR bidtime AS bidtime - INTERVAL '1' SECOND
) WITH (
    'connector' = 'datagen'
);

CREATE TABLE asks (
    ask_id STRING,
    item STRING,
    price DECIMAL(10, 2),
    asktime TIMESTAMP(3),
    WATERMARK FOR asktime AS asktime - INTERVAL '1' SECOND
) WITH (
    'connector' = 'datagen'
);

SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES));

SELECT * FROM TABLE(
    TUMBLE(
        DATA => TABLE bids,
        TIMECOL => DESCRIPTOR(bidtime),
        SIZE => INTERVAL '10' MINUTES));

SELECT window_start, window_end, SUM(price) AS total_price
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
GROUP BY window_start, window_end;

SELECT window_start, window_end, SUM(price) AS total_price
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES, INTERVAL '1' MINUTES))
GROUP BY window_start, window_end;

SELECT window_start, window_end, item, MAX(price) AS max_price
FROM TABLE(HOP(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES))
GROUP BY window_start, window_end, item;

SELECT window_start, window_end, SUM(price) AS total_price
FROM TABLE(CUMULATE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES))
GROUP BY window_start, window_end;

SELECT window_start, window_end, item, SUM(price) AS total_price
FROM TABLE(SESSION(TABLE bids PARTITION BY item, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
GROUP BY item, window_start, window_end;

SELECT window_start, window_end, supplier_id, SUM(price) AS total_price, COUNT(*) AS cnt
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
GROUP BY window_start, window_end, GROUPING SETS ((supplier_id), ());

SELECT window_start, window_end, window_time, COUNT(*) AS cnt
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '1' MINUTE))
GROUP BY window_start, window_end, window_time;

SELECT *
FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rownum
    FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
) WHERE rownum <= 3;

SELECT *
FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, supplier_id ORDER BY total_price DESC) AS rownum
    FROM (
        SELECT window_start, window_end, supplier_id, SUM(price) AS total_price, COUNT(*) AS cnt
        FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
        GROUP BY window_start, window_end, supplier_id
    )
) WHERE rownum <= 3;

SELECT *
FROM (
    SELECT bidtime, price, item, supplier_id, window_start, window_end,
        ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY bidtime DESC) AS rownum
    FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))
) WHERE rownum <= 1;

SELECT L.item, L.price AS bid_price, R.price AS ask_price, L.window_start, L.window_end
FROM (
    SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
) L
FULL JOIN (
    SELECT * FROM TABLE(TUMBLE(TABLE asks, DESCRIPTOR(asktime), INTERVAL '5' MINUTES))
) R
ON L.item = R.item AND L.window_start = R.window_start AND L.window_end = R.window_end;

SELECT *
FROM (
    SELECT * FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
) L WHERE L.item IN (
    SELECT item FROM (
        SELECT * FROM TABLE(TUMBLE(TABLE asks, DESCRIPTOR(asktime), INTERVAL '5' MINUTES))
    ) R WHERE L.window_start = R.window_start AND L.window_end = R.window_end
);

CREATE TEMPORARY VIEW window1 AS
SELECT window_start AS window_5mintumble_start, window_end AS window_5mintumble_end,
    window_time AS rowtime, SUM(price) AS partial_price
FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '5' MINUTES))
GROUP BY supplier_id, window_start, window_end, window_time;

SELECT window_start, window_end, SUM(partial_price) AS total_price
FROM TABLE(TUMBLE(TABLE window1, DESCRIPTOR(rowtime), INTERVAL '10' MINUTES))
GROUP BY window_start, window_end;
