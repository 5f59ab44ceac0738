-- Word count: UNNEST(SPLIT(..)) feeding a GROUP BY (an updating result).
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

SELECT LOWER(w) AS word, COUNT(*) AS n
FROM Texts CROSS JOIN UNNEST(SPLIT(s, ' ')) AS u(w)
WHERE w <> ''
GROUP BY LOWER(w);
