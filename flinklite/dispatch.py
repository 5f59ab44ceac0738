"""Handlers found by the class of what they handle (a statement, an expression, a plan node),
registered with a decorator beside their definition.

A table keyed by the classes themselves, not by their names: renaming a class breaks at import,
where a lookup of "_" + the class name would fail silently at the first statement using it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Handler = Callable[..., Any]


class TypeDispatch:
    def __init__(self) -> None:
        self._handlers: dict[type, Handler] = {}

    def register(self, *types: type) -> Callable[[Handler], Handler]:
        def add(handler: Handler) -> Handler:
            for t in types:
                if t in self._handlers:
                    raise TypeError(f"two handlers for {t.__name__}")
                self._handlers[t] = handler
            return handler

        return add

    def find(self, cls: type) -> Handler | None:
        """The handler of `cls` or of its nearest registered base class."""
        for base in cls.__mro__:
            handler = self._handlers.get(base)
            if handler is not None:
                return handler
        return None
