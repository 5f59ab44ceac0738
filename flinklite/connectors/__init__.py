"""Connector factories, found by their 'connector' identifier."""
