"""The tokens-per-minute budget, on a clock the test moves."""
from __future__ import annotations

import threading

from foodca.nlp.token_budget import TokenBudget


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_reservations_wait_for_the_window_and_settle_to_what_was_used():
    clock = Clock()
    budget = TokenBudget(1000, clock=clock)
    first = budget.reserve(600)
    budget.reserve(400)
    assert budget.used_in_window == 1000
    budget.settle(first, 100)  # the answer cost less than guessed
    assert budget.used_in_window == 500
    budget.reserve(500)
    got = threading.Event()
    waiter = threading.Thread(target=lambda: (budget.reserve(300), got.set()))
    waiter.start()
    assert not got.wait(0.2)  # full: it waits
    clock.now += 61  # the window moves on
    assert got.wait(2)
    waiter.join()
    assert budget.used_in_window == 300


def test_a_request_above_the_whole_budget_goes_alone_and_no_budget_never_waits():
    clock = Clock()
    budget = TokenBudget(100, clock=clock)
    assert budget.reserve(500) is not None
    assert TokenBudget(0, clock=clock).reserve(10**9) is None
