-- NOT IN (subquery) when the subquery's column holds a NULL: no row passes.
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

SELECT k, v FROM L WHERE k NOT IN (SELECT k FROM RN);
