"""Data types, table schemas and the catalog of tables, views and functions."""
