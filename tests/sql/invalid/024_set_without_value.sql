-- error: Unexpected end of statement
-- flink: ParseException: Encountered "<EOF>" at line 2, column 26.
SET 'table.exec.state.ttl';
