-- COALESCE, CHAR_LENGTH and UPPER over NULL and empty strings.
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

SELECT id, COALESCE(s, 'none') AS s_or_none, CHAR_LENGTH(s) AS len, UPPER(t) AS up,
       s IS NULL AS s_null, s = '' AS s_empty
FROM Texts;
