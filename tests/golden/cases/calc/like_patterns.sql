-- LIKE with % and _, NOT LIKE, over strings including NULL and ''.
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

SELECT id, s LIKE 'H%' AS starts_h, s LIKE '%,%' AS has_comma, s LIKE '_lin%' AS lin,
       s NOT LIKE '%a%' AS no_a, s LIKE '' AS is_empty
FROM Texts;
