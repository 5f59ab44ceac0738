-- op ALL over a subquery holding a NULL: no row passes unless the comparison fails.
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

SELECT k, v FROM L WHERE k <> ALL (SELECT k FROM RN);
