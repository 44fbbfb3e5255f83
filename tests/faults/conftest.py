import time

import pytest

from .stack import Stack


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """The production stack on loopback (see stack.py), for one module of ordered scenarios."""
    started = time.monotonic()
    stack = Stack(tmp_path_factory.mktemp("faults"))
    try:
        stack.setup()
        stack.ledger.timings["setup"] = time.monotonic() - started
        yield stack
    finally:
        stack.teardown()
