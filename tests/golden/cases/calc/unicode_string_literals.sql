-- U&'..' string literals: an escape and four characters (read as Java reads hex) is a
-- code point; a doubled escape is itself; UESCAPE names another escape.
-- compare: raw

SELECT U&'\00e9t\00e9' AS a, U&'a!0041b' UESCAPE '!' AS b, U&'x\\y\+01F600' AS c,
  CHAR_LENGTH(U&'\+01F600') AS n;
