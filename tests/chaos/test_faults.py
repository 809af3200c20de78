"""Faults on the real assistant: Rasa killed, the action server killed, PostgreSQL down, Rasa slow.

For each, on each channel: a caller is put through to the human line within the phone budget,
web and WhatsApp users get a short apology with the human line, 113, 0800-0113 and 112,
nothing answers with a 5xx, a callback is confirmed only once it is stored, and when the part
comes back the next turn works without restarting the others. `make chaos` runs this module
and prints every try as a row of its table (var/chaos/report.json).

The database fault is a PostgreSQL cluster of our own that is stopped with `-m immediate`.
A read-only SQLite file would be no fault here: the tests run as root, and root writes to a
file whatever its permissions say.
"""

from __future__ import annotations

import pytest

from tests.chaos import report
from tests.chaos.channels import Outcome, Person
from tests.chaos.harness import ChaosStack

pytestmark = pytest.mark.chaos

LONELY = "ik voel me eenzaam"
SEARCH = "ik wandel graag in Zwolle"
CALLBACK_WORD = "TERUGBELLEN"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """PostgreSQL, Rasa, the action server and the gateway, started once for the module."""
    running = ChaosStack(tmp_path_factory.mktemp("chaos"))
    try:
        running.start()
        yield running
    finally:
        running.close()


@pytest.fixture(autouse=True)
def whole_again(stack):
    """Whatever a test broke is brought back before the next one."""
    yield
    stack.repair()


@pytest.fixture
def people(stack):
    """Make a Person per phase of a test; their tries become rows of the chaos table."""
    made: list[Person] = []

    def make(fault: str) -> Person:
        made.append(Person(stack.client, stack.settings, fault))
        return made[-1]

    yield make
    for person in made:
        report.record(person.outcomes)


def assert_all_ok(*people: Person) -> None:
    """Every try went as expected; the message lists every one that did not."""
    outcomes: list[Outcome] = [o for person in people for o in person.outcomes]
    failed = [o for o in outcomes if not o.ok]
    assert outcomes and not failed, "\n".join(
        f"{o.fault} / {o.channel}: expected {o.expected}, got {o.got} "
        f"(HTTP {o.status}, {o.ms} ms): {o.text[:300]!r}"
        for o in failed
    )


def number(fault: int, person: int) -> str:
    """A distinct Dutch mobile number for each person of each test."""
    return f"+316{fault:02d}{person:02d}0000"


def every_channel(person: Person, fault: int, broken: bool, message: str = LONELY) -> None:
    """One turn on the web, on WhatsApp and on the phone, from this test's people."""
    person.web(f"web-{fault}", message, "apology" if broken else "answer")
    person.whatsapp(number(fault, 1), message, "apology" if broken else "answer")
    person.voice(number(fault, 2), message, "put through" if broken else "answer")


def test_every_channel_answers_and_confirms_callbacks_when_all_is_well(stack, people):
    well = people("none")
    every_channel(well, 0, broken=False)
    well.web("web-0", SEARCH, "answer")
    well.whatsapp(number(0, 3), CALLBACK_WORD, "callback saved", "WhatsApp TERUGBELLEN")
    well.voice_callback(number(0, 4), "callback saved")
    assert_all_ok(well)


def test_the_action_server_killed_and_started_again(stack, people):
    down, back = people("action server killed"), people("action server back")
    stack.kill("actions")
    every_channel(down, 1, broken=True)
    stack.restart("actions")  # Rasa and the gateway keep running
    every_channel(back, 1, broken=False)
    assert_all_ok(down, back)


def test_the_database_down_and_started_again(stack, people):
    before, down, back = people("none"), people("database down"), people("database back")
    confirmed = number(2, 9)
    before.whatsapp(confirmed, CALLBACK_WORD, "callback saved", "WhatsApp TERUGBELLEN")

    stack.postgres.stop("immediate")
    down.web("web-2", SEARCH, "apology")
    down.whatsapp(number(2, 1), SEARCH, "apology")
    down.whatsapp(number(2, 3), CALLBACK_WORD, "apology", "WhatsApp TERUGBELLEN")
    down.voice(number(2, 2), SEARCH, "put through", follow="nee")
    down.voice_callback(number(2, 4), "put through")

    stack.postgres.start()  # nothing else is restarted: the pools reconnect (pool_pre_ping)
    stored_after_outage = stack.callback_numbers()
    back.web("web-2", SEARCH, "answer")
    back.whatsapp(number(2, 1), SEARCH, "answer")
    back.whatsapp(number(2, 3), CALLBACK_WORD, "callback saved", "WhatsApp TERUGBELLEN")
    back.voice(number(2, 2), SEARCH, "answer")
    back.voice_callback(number(2, 4), "callback saved")
    assert_all_ok(before, down, back)
    # Confirmed before the crash: kept. Refused during it: not stored, and never confirmed.
    assert confirmed in stored_after_outage
    assert number(2, 3) not in stored_after_outage and number(2, 4) not in stored_after_outage
    assert {confirmed, number(2, 3), number(2, 4)} <= stack.callback_numbers()


def test_rasa_slow_and_going_again(stack, people):
    down, back = people("Rasa slow (SIGSTOP)"), people("Rasa going again (SIGCONT)")
    stack.pause("rasa")
    every_channel(down, 3, broken=True)
    stack.resume("rasa")
    every_channel(back, 3, broken=False)
    assert_all_ok(down, back)


def test_rasa_killed_and_started_again(stack, people):
    down, back = people("Rasa killed"), people("Rasa back")
    stack.kill("rasa")
    every_channel(down, 4, broken=True)
    stack.restart("rasa")  # the action server and the gateway keep running
    every_channel(back, 4, broken=False)
    assert_all_ok(down, back)
