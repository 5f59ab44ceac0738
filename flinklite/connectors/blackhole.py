"""The 'blackhole' connector's declaration: a sink that swallows every change (for benchmarks
and for running a query without looking at its output)."""

from __future__ import annotations

from flinklite.connectors.registry import ConnectorFactory
from flinklite.formats.registry import ALL_KINDS
from flinklite.runtime.connector import Sink, SinkSpec
from flinklite.runtime.rows import Row


class BlackHoleSink(Sink):
    """Swallows every change."""

    def __init__(self, spec: SinkSpec) -> None:
        self.spec = spec

    def process(self, kind: str, row: Row) -> None:
        pass

    def process_batch(self, rows: list[Row]) -> None:
        pass


FACTORY = ConnectorFactory(
    "blackhole",
    source=False,
    sink_changelog=ALL_KINDS,
    sink_class="flinklite.connectors.blackhole.BlackHoleSink",
    description="Discards every change of its input.",
)
