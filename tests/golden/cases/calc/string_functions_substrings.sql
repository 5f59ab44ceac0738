-- POSITION, SUBSTRING, LEFT, RIGHT, REPLACE, LPAD, RPAD and REPEAT.
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

SELECT id, POSITION(t IN s) AS pos, SUBSTRING(s, 2, 3) AS sub_2_3, SUBSTRING(s FROM 3) AS sub_from_3,
       LEFT(s, 3) AS left3, RIGHT(s, 3) AS right3, REPLACE(s, 'l', 'L') AS repl,
       LPAD(t, 6, '*') AS lpad6, RPAD(t, 6, '*') AS rpad6, REPEAT(t, 2) AS twice
FROM Texts;
