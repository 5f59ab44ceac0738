-- JSON_EXISTS is FALSE where the path ends on a JSON null; JSON_QUERY keeps non-ASCII text.
-- compare: raw

SELECT
  JSON_EXISTS('{"a": [null, 1]}', '$.a[0]') AS null_element,
  JSON_EXISTS('{"a": {"b": null}}', '$.a.b') AS null_member,
  JSON_EXISTS('{"a": []}', '$.a') AS empty_array,
  JSON_EXISTS('{"a": false}', '$.a') AS false_member,
  JSON_QUERY('{"a": {"k": "é\n\"x\"/\\"}}', '$.a') AS escaped,
  JSON_QUERY('{"a": ["日本", {"ü": 1}]}', '$.a') AS unicode;
