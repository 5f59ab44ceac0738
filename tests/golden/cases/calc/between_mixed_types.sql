-- BETWEEN is two comparisons, each with its own implicit casts: a string operand meets a string low bound as text and an INT high bound as BIGINT.

SELECT s, i, s BETWEEN '0' AND i AS inside, s NOT BETWEEN '0' AND i AS outside,
  s BETWEEN SYMMETRIC i AND '0' AS symmetric_inside
FROM (VALUES ('3', 5), ('7', 5), ('10', 20), ('05', 4)) AS t(s, i);
