-- error: Encountered "SELECT"
-- error: line 5, column 5
-- flink: ParseException: Encountered "SELECT" at line 2, column 5.
EXECUTE STATEMENT SET BEGIN
    SELECT 1;
END;
