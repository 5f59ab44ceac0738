"""Flinklite's runtime operators beyond the contract in flinklite.runtime.operator.

Each module holds one family of Flink operators (joins, ranks, sorts, changelog normalisation)."""
