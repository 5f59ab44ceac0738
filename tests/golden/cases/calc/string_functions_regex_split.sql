-- REGEXP_EXTRACT, REGEXP_REPLACE, REGEXP, SPLIT_INDEX and CONCAT_WS.
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

SELECT id, REGEXP_EXTRACT(s, '([a-z]+)', 1) AS first_word, REGEXP_REPLACE(s, '[aeiou]', '_') AS no_vowels,
       REGEXP(s, '^[A-Z]') AS starts_upper, SPLIT_INDEX(s, ',', 1) AS second_field,
       CONCAT_WS('-', s, t) AS dashed
FROM Texts;
