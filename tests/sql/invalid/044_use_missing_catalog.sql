-- error: A catalog with name [nope] does not exist
-- flink: CatalogException: A catalog with name [nope] does not exist.
USE CATALOG nope;
