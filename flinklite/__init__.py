"""flinklite: Flink SQL on one machine, in pure Python.

Statements go through one Session.execute(); see flinklite.session."""

__version__ = "0.1.0"
