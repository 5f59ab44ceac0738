-- Oracle probe: AVG over INT, negative INT, DOUBLE and DECIMAL; SUM and COUNT with a NULL.
-- compare: raw

SELECT AVG(a) AS avg_1_2, AVG(b) AS avg_m1_m2, AVG(c) AS avg_1_2_2,
       AVG(CAST(a AS DOUBLE)) AS avg_dbl_1_2, AVG(CAST(a AS DECIMAL(10,2))) AS avg_dec_1_2,
       SUM(a) AS sum_a, COUNT(*) AS cnt
FROM (VALUES (1, -1, 1), (2, -2, 2), (CAST(NULL AS INT), CAST(NULL AS INT), 2)) t(a, b, c);
