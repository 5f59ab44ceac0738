-- Oracle probe: implicit STRING vs INT comparison, casts, timestamp to string, 7/2.
-- compare: raw

SELECT
  '16' > 3                                   AS str16_gt_int3,
  '16' > '3'                                 AS str16_gt_str3,
  CAST('3.5' AS BIGINT)                      AS cast_3_5_bigint,
  CAST('3.9' AS INT)                         AS cast_3_9_int,
  CAST('-3.9' AS INT)                        AS cast_m3_9_int,
  TRY_CAST('abc' AS INT)                     AS try_cast_abc,
  CAST(TIMESTAMP '2024-01-01 00:00:00' AS TIMESTAMP(3))                 AS ts3_zero_ms,
  CAST(CAST(TIMESTAMP '2024-01-01 00:00:00' AS TIMESTAMP(3)) AS STRING) AS ts3_as_string,
  CAST(TIMESTAMP '2024-01-01 00:00:00.120' AS STRING)                   AS ts_literal_as_string,
  7 / 2                                      AS int_div,
  -7 / 2                                     AS neg_int_div,
  CAST(1.5 AS DECIMAL(10,2)) * 3             AS dec_mul,
  DATE '2024-01-02'                          AS d,
  TO_TIMESTAMP_LTZ(0, 3)                     AS ltz_epoch0;
