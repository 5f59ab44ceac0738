-- Oracle probe: STRING > INT on '3.5' and ' 5'.
-- compare: raw

SELECT s, s > 3 AS gt FROM (VALUES ('3.5'), (' 5'), ('4')) t(s);
