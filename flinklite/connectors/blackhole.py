"""The 'blackhole' connector's declaration: a sink that swallows every change (for benchmarks
and for running a query without looking at its output)."""

from __future__ import annotations

from flinklite.connectors.registry import ConnectorFactory
from flinklite.formats.registry import ALL_KINDS

FACTORY = ConnectorFactory(
    "blackhole",
    source=False,
    sink_changelog=ALL_KINDS,
    sink_class="org.apache.flink.connector.blackhole.table.BlackHoleTableSinkFactory$BlackHoleSink",
    description="Discards every change of its input.",
)
