-- Batch mode: ORDER BY a string with LIMIT and OFFSET.
-- compare: raw

SET 'execution.runtime-mode' = 'batch';

CREATE TABLE Texts (
  id INT,
  s STRING,
  t STRING
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/texts.jsonl',
  'format' = 'json'
);

SELECT id, s FROM Texts ORDER BY s NULLS FIRST LIMIT 3 OFFSET 2;
