-- Built-in scalar functions as data engineers use them.

CREATE TABLE users (
    user_id STRING,
    email STRING,
    name STRING,
    payload STRING,
    score DOUBLE,
    visits INT,
    tags ARRAY<STRING>,
    props MAP<STRING, STRING>,
    signup_time TIMESTAMP(3),
    epoch_millis BIGINT
) WITH (
    'connector' = 'datagen'
);

SELECT
    UPPER(name), LOWER(email), INITCAP(name), CHAR_LENGTH(name), CHARACTER_LENGTH(name),
    CONCAT(name, ' <', email, '>'), CONCAT_WS('|', user_id, name, email),
    LPAD(user_id, 10, '0'), RPAD(name, 20, '.'), REPEAT('ab', 3), REVERSE(name),
    REPLACE(email, '@', ' at '), SPLIT_INDEX(email, '@', 1), LEFT(name, 1), RIGHT(email, 3),
    LOCATE('@', email), INSTR(email, '.'), ASCII(name), CHR(65)
FROM users;

SELECT
    REGEXP_REPLACE(email, '[0-9]+', '#'),
    REGEXP_EXTRACT(email, '^([^@]+)@(.*)$', 2),
    REGEXP(email, '.*@example\.com'),
    TO_BASE64(name),
    FROM_BASE64(TO_BASE64(name)),
    MD5(email),
    SHA1(email),
    SHA256(email),
    SHA2(email, 512),
    ENCODE(name, 'UTF-8'),
    DECODE(ENCODE(name, 'UTF-8'), 'UTF-8'),
    UUID(),
    HEX(name),
    URL_DECODE(payload),
    URL_ENCODE(payload),
    PARSE_URL('https://example.com/a?q=1', 'QUERY', 'q')
FROM users;

SELECT
    ROUND(score, 2), TRUNCATE(score, 1), ABS(score), SIGN(score), SQRT(score), EXP(score),
    LN(score), LOG10(score), LOG2(score), LOG(2, score), POWER(score, 3), MOD(visits, 7),
    SIN(score), COS(score), TAN(score), ASIN(0.5), ACOS(0.5), ATAN(1), ATAN2(1, 2),
    DEGREES(PI()), RADIANS(180), RAND(), RAND_INTEGER(10), E(), BIN(visits), GREATEST(1, visits, 3),
    LEAST(score, 0.5)
FROM users;

SELECT
    DATE_FORMAT(signup_time, 'yyyy-MM-dd HH:mm'),
    TO_DATE('2024-03-01'),
    TO_DATE('01/03/2024', 'dd/MM/yyyy'),
    TO_TIMESTAMP('2024-03-01 10:00:00'),
    TO_TIMESTAMP('2024/03/01', 'yyyy/MM/dd'),
    TO_TIMESTAMP_LTZ(epoch_millis, 3),
    TO_TIMESTAMP_LTZ(epoch_millis / 1000, 0),
    UNIX_TIMESTAMP(),
    UNIX_TIMESTAMP('2024-03-01 10:00:00'),
    FROM_UNIXTIME(epoch_millis / 1000),
    FROM_UNIXTIME(epoch_millis / 1000, 'yyyy-MM-dd'),
    CONVERT_TZ('2024-03-01 10:00:00', 'UTC', 'Europe/London'),
    DAYOFWEEK(signup_time), DAYOFMONTH(signup_time), DAYOFYEAR(signup_time),
    YEAR(signup_time), QUARTER(signup_time), MONTH(signup_time), WEEK(signup_time),
    HOUR(signup_time), MINUTE(signup_time), SECOND(signup_time)
FROM users;

SELECT
    JSON_VALUE(payload, '$.device.os'),
    JSON_VALUE(payload, '$.age' RETURNING INT DEFAULT 0 ON EMPTY NULL ON ERROR),
    JSON_QUERY(payload, '$.items'),
    JSON_QUERY(payload, '$.items' WITH CONDITIONAL ARRAY WRAPPER),
    JSON_EXISTS(payload, '$.coupon'),
    JSON_EXISTS(payload, 'strict $.coupon' FALSE ON ERROR),
    payload IS JSON,
    payload IS JSON OBJECT,
    JSON_STRING(tags),
    JSON_OBJECT('id' VALUE user_id, 'name' VALUE name NULL ON NULL),
    JSON_OBJECT(KEY 'score' VALUE score ABSENT ON NULL),
    JSON_ARRAY(user_id, score, visits)
FROM users;

SELECT
    ARRAY_CONTAINS(tags, 'vip'),
    ARRAY_DISTINCT(tags),
    ARRAY_POSITION(tags, 'vip'),
    ARRAY_REMOVE(tags, 'spam'),
    ARRAY_REVERSE(tags),
    ARRAY_SLICE(tags, 1, 2),
    ARRAY_UNION(tags, ARRAY['new']),
    ARRAY_CONCAT(tags, ARRAY['x', 'y']),
    ARRAY_JOIN(tags, ','),
    ARRAY_MAX(ARRAY[1, visits]),
    MAP_KEYS(props),
    MAP_VALUES(props),
    MAP_ENTRIES(props),
    MAP_FROM_ARRAYS(ARRAY['a'], ARRAY[name]),
    SPLIT(email, '@'),
    CARDINALITY(tags)
FROM users;

SELECT
    COALESCE(name, 'anonymous'),
    IFNULL(visits, 0),
    NULLIF(name, ''),
    IF(score > 0.5, 'good', 'bad'),
    IS_DIGIT(user_id),
    IS_ALPHA(name),
    IS_DECIMAL(payload),
    TYPEOF(score),
    STR_TO_MAP('a=1,b=2'),
    STR_TO_MAP(payload, ';', ':')
FROM users;

SELECT user_id, HASH_CODE(user_id), SOURCE_WATERMARK() IS NULL
FROM users;
