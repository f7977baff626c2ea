"""The load test's framework floor (benchmarks/load): one int on the caller's own tab."""

from __future__ import annotations

import pytest

from heka_app.state.load_probe import LoadProbeState
from tests.state.handler_calls import call, new_root, run, substate


def test_echo_stores_the_sequence_number():
    state = substate(new_root(), LoadProbeState)
    run(call(state, "echo", 41))
    assert state.seq == 41


@pytest.mark.parametrize("bad", [-1, 2**53, "7", 1.5, None, True, [1], {"seq": 1}])
def test_echo_ignores_anything_but_a_small_whole_number(bad):
    state = substate(new_root(), LoadProbeState)
    run(call(state, "echo", 3))
    run(call(state, "echo", bad))
    assert state.seq == 3
