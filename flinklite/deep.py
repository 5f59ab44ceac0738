"""Room for deeply nested SQL.

Generated SQL nests thousands of levels deep: an OR or `+` chain of 3,000 terms is a tree
3,000 levels deep, as are long UNION ALLs, nested calls, CASEs and subqueries. Parsing,
binding, planning and compiling walk that tree recursively, which Python's default recursion
limit (1,000 frames) and its threads' 8 MB stacks cut short. So statements run on a thread
with a large stack under a raised limit (`call`), job threads get the same stack (`thread`),
and a statement deeper than even that is one clear error, not a crash.

The limit is the interpreter's, so the main thread has it too; what runs there (the shell,
printing rows) recurses at most as deep as a value nests, which the same limit bounds."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from flinklite.errors import ValidationError

# A frame of Python code that recurses through C (a generator in str.join, a visitor's
# getattr) takes up to ~1 KB of C stack; 512 MB covers the recursion limit several times over.
# It is reserved address space, not memory: only the pages a deep statement touches are used.
STACK_BYTES = 512 * 1024 * 1024
RECURSION_LIMIT = 40_000

T = TypeVar("T")


def _raise_limit() -> None:
    # The limit is the interpreter's, not a thread's: raised when flinklite is loaded, and
    # again should an embedding program have lowered it since.
    if sys.getrecursionlimit() < RECURSION_LIMIT:
        sys.setrecursionlimit(RECURSION_LIMIT)


_raise_limit()

_stack_size = threading.Lock()  # threading.stack_size is global: set only around a creation
_local = threading.local()  # .deep: this thread has the large stack


def thread(target: Callable[[], Any], name: str) -> threading.Thread:
    """A started daemon thread running `target` with the large stack."""

    def run() -> None:
        _local.deep = True
        target()

    _raise_limit()
    with _stack_size:
        previous = threading.stack_size(STACK_BYTES)
        try:
            created = threading.Thread(target=run, name=name, daemon=True)
            created.start()
        finally:
            threading.stack_size(previous)
    return created


def call(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`fn(*args, **kwargs)` on a thread with the large stack: its result, or its exception
    raised here. A RecursionError (a statement too deep even for that) becomes a
    ValidationError saying so."""
    if getattr(_local, "deep", False):
        return _deep_enough(fn, *args, **kwargs)
    outcome: list[Any] = [None, None]

    def run() -> None:
        try:
            outcome[0] = _deep_enough(fn, *args, **kwargs)
        except BaseException as e:  # noqa: BLE001 - raised on the calling thread
            outcome[1] = e

    thread(run, "flinklite-statement").join()
    if outcome[1] is not None:
        raise outcome[1]
    return outcome[0]


def _deep_enough(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    try:
        return fn(*args, **kwargs)
    except RecursionError:
        raise ValidationError(
            "The statement is nested too deeply for flinklite (expressions, subqueries or set "
            "operations thousands of levels deep); split it into views or smaller statements."
        ) from None
