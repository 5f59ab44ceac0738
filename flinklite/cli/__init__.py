"""The flinklite command line."""
