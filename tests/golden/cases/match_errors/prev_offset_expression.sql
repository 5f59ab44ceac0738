-- A navigation offset must be a number: PREV(x, 1 + 1) does not parse, as in Flink.
-- error: Encountered "+"
-- flink: org.apache.flink.sql.parser.impl.ParseException: Encountered "+" at line 13, column 42.

CREATE TABLE Letters (
  id INT,
  grp STRING,
  name STRING,
  price INT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/../../data/match_letters.csv',
  'format' = 'csv'
);

SELECT *
FROM Letters
MATCH_RECOGNIZE (
  PARTITION BY grp
  ORDER BY ts
  MEASURES
    FIRST(B.price, 2) AS third_b,
    LAST(B.price) AS last_b
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A B+ C)
  DEFINE
    A AS name = 'a',
    B AS name = 'b' AND (PREV(B.price, 1 + 1) IS NULL OR B.price >= PREV(B.price, 1 + 1) - 100),
    C AS name = 'c'
);
