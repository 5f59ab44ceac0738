"""Rows, time, operators and job execution."""
