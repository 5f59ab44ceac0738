"""flinklite's layers, lowest first: a module may import its own layer and the layers before
it, never one after it (README, "Layout"). Each entry is a module or a package prefix; a module
belongs to the longest prefix that names it."""

from __future__ import annotations

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("flinklite", "flinklite.errors", "flinklite.options", "flinklite.config", "flinklite.resources", "flinklite.deep",
              "flinklite.grammar")),
    ("sql", ("flinklite.sql",)),
    ("catalog", ("flinklite.catalog",)),
    ("interfaces", ("flinklite.runtime.rows", "flinklite.runtime.connector", "flinklite.runtime.operator",
                    "flinklite.connectors.registry", "flinklite.formats.registry")),
    ("expr", ("flinklite.expr",)),
    ("runtime", ("flinklite.runtime",)),
    ("cep", ("flinklite.cep",)),
    ("formats", ("flinklite.formats", "flinklite.datagen")),
    ("connectors", ("flinklite.connectors",)),
    ("planner", ("flinklite.planner",)),
    ("session", ("flinklite.results", "flinklite.executor", "flinklite.session",
                 "flinklite.runner", "flinklite.gateway")),
    ("tools", ("flinklite.kafka",)),
    ("cli", ("flinklite.cli", "flinklite.repl", "flinklite.tutorial", "flinklite.__main__")),
)  # fmt: skip


def layer_of(module: str) -> int:
    best, best_len = -1, -1
    for i, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = i, len(prefix)
    if best < 0:
        raise KeyError(f"{module} is in no layer: add it to LAYERS")
    return best
