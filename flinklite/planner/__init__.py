"""Binding and validation of statements into logical plans; EXPLAIN."""
