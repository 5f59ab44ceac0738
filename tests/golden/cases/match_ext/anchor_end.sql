-- The anchor $ matches after the last row of the partition; on a stream that is known only at
-- the end of input.
-- data: seq.csv = ids 1..8 named a b b c a c b a, prices 10 12 14 11 9 20 15 7, ts = id seconds.
-- A $: rows 1 and 5 are a but a row follows them; row 8 is the last row: one match.
-- compare: raw

CREATE TABLE Letters (
  id INT,
  grp STRING,
  name STRING,
  price INT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts
) WITH (
  'connector' = 'filesystem',
  'path' = '${SCRIPT_DIR}/data/seq.csv',
  'format' = 'csv'
);

SELECT *
FROM Letters
MATCH_RECOGNIZE (
  PARTITION BY grp
  ORDER BY ts
  MEASURES
    MATCH_NUMBER() AS mno,
    A.id AS a_id
  AFTER MATCH SKIP PAST LAST ROW
  PATTERN (A $)
  DEFINE
    A AS name = 'a'
);
