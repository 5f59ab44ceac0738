-- op ALL (subquery): a null-aware anti join on the inverse comparison.
-- compare: fold

CREATE TABLE L (k INT, v STRING) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/subquery_left.csv',
  'format' = 'csv',
  'csv.null-literal' = 'null'
);

CREATE TABLE R (k INT) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/subquery_right.csv',
  'format' = 'csv'
);

SELECT k, v FROM L WHERE k >= ALL (SELECT k FROM R WHERE k < 3);
