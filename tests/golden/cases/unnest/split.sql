-- SPLIT: parts between separators (empty ones kept), characters for an empty separator.
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

SELECT id, SPLIT(s, ' ') AS words, SPLIT(s, ',') AS by_comma, SPLIT(t, '') AS chars, SPLIT(s, t) AS by_t
FROM Texts;
