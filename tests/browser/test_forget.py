"""'Nieuw gesprek': the widget asks first, then the server forgets the conversation."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import text

from omzien.retention import tracker_engine
from omzien.settings import Settings
from telephony.pseudonym import pseudonym
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, describe
from tests.browser.test_conversation import STORAGE_SENDER, landing

pytestmark = [pytest.mark.stack, pytest.mark.model]
QUESTION = "Alles wat je hier schreef wordt gewist. Weet je het zeker?"


@pytest.fixture
def stored_events(stack, monkeypatch):
    """How many events the stack's tracker store holds for a widget's sender id."""
    for name, value in stack.env.items():
        if name.startswith("OMZIEN_"):
            monkeypatch.setenv(name, value)
    settings = Settings()

    def count(sender: str) -> int:
        conversation = pseudonym(settings.pseudonym_secret, "web", sender)
        engine = tracker_engine(settings)
        try:
            with engine.connect() as connection:
                query = text("SELECT COUNT(*) FROM events WHERE sender_id = :id")
                return connection.execute(query, {"id": conversation}).scalar()
        finally:
            engine.dispose()

    return count


def test_nieuw_gesprek_asks_and_no_keeps_everything(stack, new_page):
    widget = landing(stack, new_page)
    widget.open()
    widget.send("hallo")
    sender = widget.page.evaluate(STORAGE_SENDER)

    widget.restart_button.click()
    expect(widget.question).to_be_visible()
    expect(widget.question).to_contain_text(QUESTION)
    assert widget.focused() == "no"  # the safe answer has the focus
    widget.no.click()
    expect(widget.question).to_be_hidden()
    assert widget.focused() == "restart"

    widget.restart_button.click()
    widget.page.keyboard.press("Escape")  # closes the question, not the panel
    expect(widget.question).to_be_hidden()
    expect(widget.panel).to_be_visible()

    expect(widget.user_messages).to_have_count(1)
    assert widget.page.evaluate(STORAGE_SENDER) == sender


def test_yes_forgets_the_conversation_on_the_server_and_starts_fresh(
    stack, new_page, stored_events
):
    widget = landing(stack, new_page)
    page = widget.page
    widget.open()
    widget.send("ik voel me eenzaam")
    old_sender = page.evaluate(STORAGE_SENDER)
    assert stored_events(old_sender) > 0

    widget.restart_button.click()
    widget.yes.click()

    expect(widget.status).to_contain_text("Je gesprek is gewist")
    expect(widget.question).to_be_hidden()
    expect(widget.user_messages).to_have_count(0)
    expect(widget.input).to_be_focused()
    assert stored_events(old_sender) == 0
    new_sender = page.evaluate(STORAGE_SENDER)
    assert new_sender != old_sender

    widget.send("hallo")  # the next message starts a fresh conversation on the server
    assert stored_events(new_sender) > 0
    assert stored_events(old_sender) == 0
    expect(widget.user_messages).to_have_count(1)


def test_when_forgetting_fails_the_conversation_stays_and_can_be_retried(stack, new_page):
    widget = landing(stack, new_page)
    page = widget.page
    widget.open()
    widget.send("hallo")
    sender = page.evaluate(STORAGE_SENDER)
    page.route(f"{stack.url}/chat/forget", lambda route: route.fulfill(status=503, json={}))

    widget.restart_button.click()
    widget.yes.click()

    expect(widget.error).to_contain_text("Het wissen is niet gelukt")
    expect(widget.error.get_by_role("button", name="Opnieuw proberen")).to_be_focused()
    expect(widget.user_messages).to_have_count(1)
    assert page.evaluate(STORAGE_SENDER) == sender

    page.unroute(f"{stack.url}/chat/forget")
    widget.error.get_by_role("button", name="Opnieuw proberen").click()
    widget.yes.click()
    expect(widget.status).to_contain_text("Je gesprek is gewist")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_nothing_serious_in_the_question(stack, new_page, run_axe, viewport):
    widget = landing(stack, new_page, viewport=viewport, reduced_motion="reduce")
    widget.open()
    widget.send("hallo")
    widget.restart_button.click()
    expect(widget.question).to_be_visible()
    expect(widget.question).to_be_in_viewport()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    widget.page.screenshot(path=SCREENSHOTS / f"widget-forget-question-{viewport['width']}.png")
    violations = run_axe(widget.page)
    assert violations == [], describe(violations)
