-- error: Encountered "<"
-- error: line 4, column 14
-- flink: ParseException: Encountered "<" at line 3, column 14.
CREATE TABLE <table name> (
  <fieldName> <TYPE>,
  <fieldName> <TYPE>,
  <fieldName> <TYPE>,
  `event_time` TIMESTAMP(3) METADATA FROM '<timestamp field>',
  WATERMARK FOR event_time AS event_time - INTERVAL '10' SECOND
);
