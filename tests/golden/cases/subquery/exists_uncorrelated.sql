-- EXISTS without correlation: every row or none, as the subquery is empty or not.
-- compare: fold

CREATE TABLE L (k INT, v STRING) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/subquery_left.csv',
  'format' = 'csv',
  'csv.null-literal' = 'null'
);

CREATE TABLE RN (k INT) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/subquery_right_null.csv',
  'format' = 'csv',
  'csv.null-literal' = 'null'
);

SELECT k, v FROM L
WHERE EXISTS (SELECT 1 FROM RN WHERE k > 5) AND NOT EXISTS (SELECT 1 FROM RN WHERE k > 100);
