-- UPPER, LOWER, CHAR_LENGTH, TRIM family, CONCAT, || and INITCAP.
-- compare: raw

CREATE TABLE Texts (
  id INT,
  s STRING,
  t STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/texts.jsonl',
  'format' = 'json'
);

SELECT id, UPPER(s) AS up, LOWER(s) AS low, CHAR_LENGTH(s) AS len, TRIM(s) AS tr,
       LTRIM(s) AS ltr, RTRIM(s) AS rtr, CONCAT(s, '!') AS bang, s || t AS joined,
       INITCAP(s) AS initcap
FROM Texts;
