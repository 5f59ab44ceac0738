-- AVG over BIGINT past the BIGINT range.
-- compare: raw

SELECT AVG(b) AS avg_big FROM (VALUES (9223372036854775807), (9223372036854775807), (1)) AS t(b);
