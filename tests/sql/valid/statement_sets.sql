-- Statement sets: EXECUTE STATEMENT SET BEGIN ...; END; and the SQL client's legacy
-- BEGIN STATEMENT SET; ... END; (one statement per ';').

CREATE TABLE page_views (
    user_id STRING,
    page STRING,
    view_time TIMESTAMP(3),
    WATERMARK FOR view_time AS view_time - INTERVAL '2' SECOND
) WITH (
    'connector' = 'datagen'
);

CREATE TABLE pageview_sink (page STRING, cnt BIGINT, PRIMARY KEY (page) NOT ENFORCED) WITH ('connector' = 'print');

CREATE TABLE uniqueview_sink (page STRING, cnt BIGINT, PRIMARY KEY (page) NOT ENFORCED) WITH ('connector' = 'print');

CREATE TABLE raw_sink (user_id STRING, page STRING) WITH ('connector' = 'blackhole');

EXECUTE STATEMENT SET
BEGIN
    INSERT INTO pageview_sink
    SELECT page, COUNT(*) FROM page_views GROUP BY page;

    INSERT INTO uniqueview_sink
    SELECT page, COUNT(DISTINCT user_id) FROM page_views GROUP BY page;
END;

execute statement set begin
insert into raw_sink select user_id, page from page_views;
end;

EXECUTE STATEMENT SET BEGIN
    INSERT INTO raw_sink SELECT user_id, page FROM page_views WHERE page LIKE '/checkout%';
    INSERT INTO raw_sink (user_id, page) VALUES ('u-1', '/home');
    INSERT INTO pageview_sink SELECT page, COUNT(*) FROM page_views GROUP BY page;
END;

EXECUTE INSERT INTO raw_sink SELECT user_id, page FROM page_views;

BEGIN STATEMENT SET;

INSERT INTO pageview_sink
SELECT page, COUNT(*) FROM page_views GROUP BY page;

INSERT INTO uniqueview_sink
SELECT page, COUNT(DISTINCT user_id) FROM page_views GROUP BY page;

END;
