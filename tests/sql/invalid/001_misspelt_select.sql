-- error: 'SELEC'
-- error: line 4, column 1
-- flink: CalciteException: Non-query expression encountered in illegal context
SELEC order_id FROM orders;
