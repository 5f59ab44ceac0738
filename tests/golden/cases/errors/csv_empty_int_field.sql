-- An empty CSV field for an INT column fails the job.
-- error: NumberFormatException
-- flink: java.lang.NumberFormatException: For input string: ""

CREATE TABLE Pairs (
  k STRING,
  n INT
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/bad_int.csv',
  'format' = 'csv'
);

SELECT * FROM Pairs;
