-- Expression syntax: operators, predicates, CASE, special-form functions, field/element access.

CREATE TABLE events (
    id BIGINT,
    name STRING,
    code STRING,
    amount DOUBLE,
    qty INT,
    flag BOOLEAN,
    tags ARRAY<STRING>,
    attrs MAP<STRING, STRING>,
    geo ROW<lat DOUBLE, lon DOUBLE, city ROW<name STRING, zip STRING>>,
    ts TIMESTAMP(3),
    ltz TIMESTAMP_LTZ(3),
    d DATE,
    WATERMARK FOR ts AS ts
) WITH (
    'connector' = 'datagen'
);

SELECT id FROM events WHERE amount BETWEEN 10 AND 20;

SELECT id FROM events WHERE amount NOT BETWEEN SYMMETRIC 20 AND 10 AND qty BETWEEN ASYMMETRIC 1 AND 5;

SELECT id FROM events WHERE name LIKE 'A%' AND code NOT LIKE '%\_x' ESCAPE '\';

SELECT id FROM events WHERE code LIKE '100!%' ESCAPE '!';

SELECT id FROM events WHERE name SIMILAR TO '(ab|cd)%' OR code NOT SIMILAR TO '[0-9]+';

SELECT id FROM events WHERE name IS NULL OR code IS NOT NULL;

SELECT id FROM events WHERE flag IS TRUE OR flag IS NOT FALSE OR flag IS UNKNOWN OR flag IS NOT UNKNOWN;

SELECT id FROM events WHERE name IS DISTINCT FROM code AND qty IS NOT DISTINCT FROM 3;

SELECT id FROM events WHERE qty IN (1, 2, 3) AND name NOT IN ('x', 'y');

SELECT
    CASE WHEN qty > 10 THEN 'large' WHEN qty > 5 THEN 'medium' ELSE 'small' END AS size,
    CASE code WHEN 'A' THEN 1 WHEN 'B' THEN 2 END AS code_num,
    CASE WHEN flag THEN amount END AS flagged_amount
FROM events;

SELECT NULLIF(qty, 0), COALESCE(name, code, 'n/a'), IF(qty > 1, 'many', 'one'), IFNULL(name, '')
FROM events;

SELECT
    TRIM(name),
    TRIM(BOTH ' ' FROM name),
    TRIM(LEADING '0' FROM code),
    TRIM(TRAILING '.' FROM name),
    TRIM(LEADING FROM name),
    LTRIM(name),
    RTRIM(name)
FROM events;

SELECT
    SUBSTRING(name FROM 2),
    SUBSTRING(name FROM 2 FOR 3),
    SUBSTRING(name, 2, 3),
    SUBSTR(name, 2),
    POSITION('x' IN name),
    POSITION('x' IN name FROM 2),
    OVERLAY(name PLACING 'xyz' FROM 2),
    OVERLAY(name PLACING 'xyz' FROM 2 FOR 3)
FROM events;

SELECT
    EXTRACT(YEAR FROM ts),
    EXTRACT(MONTH FROM d),
    EXTRACT(DAY FROM ts),
    EXTRACT(HOUR FROM ts),
    EXTRACT(MINUTE FROM ts),
    EXTRACT(SECOND FROM ts),
    EXTRACT(DOW FROM d),
    EXTRACT(DOY FROM d),
    EXTRACT(WEEK FROM d),
    EXTRACT(QUARTER FROM d),
    EXTRACT(MILLISECOND FROM ts),
    EXTRACT(EPOCH FROM ts)
FROM events;

SELECT
    FLOOR(ts TO HOUR),
    CEIL(ts TO DAY),
    FLOOR(ts TO MINUTE),
    CEIL(d TO MONTH),
    FLOOR(ts TO WEEK),
    FLOOR(amount),
    CEIL(amount),
    CEILING(amount)
FROM events;

SELECT
    TIMESTAMPADD(HOUR, 3, ts),
    TIMESTAMPADD(DAY, -1, d),
    TIMESTAMPDIFF(SECOND, ts, LOCALTIMESTAMP),
    TIMESTAMPDIFF(MONTH, d, CURRENT_DATE)
FROM events;

SELECT
    ts + INTERVAL '1' DAY,
    ts - INTERVAL '90' MINUTE,
    d + INTERVAL '2' MONTH,
    INTERVAL '10 00:00:00.004' DAY TO SECOND,
    INTERVAL '1-2' YEAR TO MONTH,
    INTERVAL '1:30' HOUR TO MINUTE,
    INTERVAL '45' SECOND,
    INTERVAL '3' YEAR,
    INTERVAL '7' DAYS
FROM events;

SELECT
    geo.lat,
    geo.city.name,
    events.geo.lon,
    tags[1],
    tags[CARDINALITY(tags)],
    attrs['country'],
    attrs['a b'],
    ELEMENT(tags),
    CARDINALITY(attrs)
FROM events;

SELECT
    ARRAY['a', 'b', name],
    MAP['k1', name, 'k2', code],
    ROW(id, name),
    (id, name, amount),
    ARRAY[ARRAY[1, 2], ARRAY[3]],
    MAP[1, ARRAY['x']]
FROM events;

SELECT
    DATE '2024-02-29',
    TIME '12:34:56',
    TIME '12:34:56.789',
    TIMESTAMP '2024-01-01 00:00:00',
    TIMESTAMP '2024-01-01 00:00:00.123456',
    X'00FF',
    1.5e10,
    123456789012,
    0.000001,
    -0.5
FROM events;

SELECT
    name || '-' || code,
    'a' || CAST(qty AS STRING),
    qty % 3,
    MOD(qty, 3),
    -amount,
    amount / 2.0,
    qty * (qty + 1) / 2,
    POWER(amount, 2),
    ABS(amount)
FROM events;

SELECT id
FROM events
WHERE (flag AND qty > 0) OR (NOT flag AND qty < 0)
  AND (amount <> 0 OR amount <> 1)
  AND name >= 'a' AND name <= 'z' AND code < 'zz' AND code > '';

SELECT
    CURRENT_DATE,
    CURRENT_TIME,
    CURRENT_TIMESTAMP,
    LOCALTIME,
    LOCALTIMESTAMP,
    NOW(),
    PROCTIME(),
    CURRENT_ROW_TIMESTAMP(),
    CURRENT_WATERMARK(ts)
FROM events;

SELECT id FROM events WHERE ts > CURRENT_WATERMARK(ts) OR CURRENT_WATERMARK(ts) IS NULL;
