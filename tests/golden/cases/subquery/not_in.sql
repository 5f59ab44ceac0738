-- NOT IN (subquery): an anti join; a NULL on the left is dropped once the subquery has rows.
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

SELECT k, v FROM L WHERE k NOT IN (SELECT k FROM R);
