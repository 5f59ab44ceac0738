"""The layer order holds and no two modules import each other, directly or around a circle,
counting every import: at module level, inside functions and under TYPE_CHECKING."""

from __future__ import annotations

import imports
import layers


def test_every_module_is_in_a_layer():
    for name in imports.modules():
        layers.layer_of(name)  # raises for a module no layer names


def test_no_module_imports_a_later_layer():
    upward = [
        f"{module} (layer {layers.LAYERS[layers.layer_of(module)][0]}) imports {target} "
        f"(layer {layers.LAYERS[layers.layer_of(target)][0]}) at line {line}"
        for module, targets in imports.graph().items()
        for target, line in targets.items()
        if layers.layer_of(target) > layers.layer_of(module)
    ]
    assert upward == []


def test_no_import_circles():
    assert imports.cycles(imports.graph()) == []


def test_the_check_sees_imports_inside_functions_and_under_type_checking(tmp_path):
    source = tmp_path / "probe.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from flinklite.session import Session\n"
        "def f():\n"
        "    import flinklite.cli.main\n"
        "    from flinklite.planner import binder\n"
        "    from . import rows\n"
    )
    known = set(imports.modules())
    found = imports.imports_of("flinklite.runtime.probe", source, known)
    assert set(found) == {
        "flinklite.session",
        "flinklite.cli.main",
        "flinklite.planner.binder",
        "flinklite.runtime.rows",
    }
    assert layers.layer_of("flinklite.runtime.probe") < layers.layer_of("flinklite.session")
