-- error: Encountered "cca7bc1061d61cf15238e92312c2fc20"
-- error: line 4, column 10
-- flink: ParseException: Encountered "cca7bc1061d61cf15238e92312c2fc20" at line 3, column 10.
STOP JOB cca7bc1061d61cf15238e92312c2fc20;
