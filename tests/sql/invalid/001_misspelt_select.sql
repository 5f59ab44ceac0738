-- error: Encountered "SELEC"
-- error: did you mean 'SELECT'?
-- error: line 5, column 1
-- flink: CalciteException: Non-query expression encountered in illegal context
SELEC order_id FROM orders;
