-- A VALUES table with mixed literal types.
-- compare: raw

SELECT x, y, z FROM (VALUES (1, 'a', 1.5), (2, 'bb', 2.25), (3, CAST(NULL AS STRING), 0.0)) AS t(x, y, z);
