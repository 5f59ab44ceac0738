"""The 'print' connector's declaration: a sink that prints every change to stdout or stderr,
prefixed with the row kind (and the print identifier, when one is set)."""

from __future__ import annotations

from flinklite.connectors.registry import ConfigOption, ConnectorFactory
from flinklite.formats.registry import ALL_KINDS

FACTORY = ConnectorFactory(
    "print",
    optional=(
        ConfigOption("print-identifier"),
        ConfigOption("standard-error", "boolean", False),
        ConfigOption("sink.parallelism", "int"),
    ),
    source=False,
    sink_changelog=ALL_KINDS,
    sink_class="org.apache.flink.connector.print.table.PrintTableSinkFactory$PrintSink",
    description="Prints every change of its input.",
)
