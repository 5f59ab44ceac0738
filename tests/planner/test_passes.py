"""Specification of the optimizer program: its passes run in order, and changelog-mode
inference knows every physical operator."""

from __future__ import annotations

import inspect

from flinklite.planner import physical as P
from flinklite.planner.passes import PROGRAM
from flinklite.planner.passes.changelog import _RULES


def _node_classes() -> list[type]:
    return [
        c
        for _, c in inspect.getmembers(P, inspect.isclass)
        if issubclass(c, P.PhysNode) and c not in (P.PhysNode, P.Single, P.Binary)
    ]


def test_every_physical_operator_has_a_changelog_rule():
    missing = [c.__name__ for c in _node_classes() if _RULES.find(c) in (None,)]
    assert not missing
    # A rule found only through the abstract base would guess; each operator has its own.
    generic = [c.__name__ for c in _node_classes() if c not in _RULES._handlers]
    assert not generic


def test_changelog_inference_runs_before_projection_push_down():
    names = [name for name, _ in PROGRAM]
    assert names == ["changelog-mode inference", "projection push-down"]
