"""A conversation in the widget on the landing page, against the real assistant."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from omzien.settings import get_settings
from telephony.pages import tel_href
from tests.browser.widget import Widget

pytestmark = [pytest.mark.stack, pytest.mark.model]
SETTINGS = get_settings()
STORAGE_SENDER = (
    "() => JSON.parse(sessionStorage.getItem('omzien:conversation:' + location.origin)).sender"
)


def landing(stack, new_page, **options) -> Widget:
    page = new_page(**options)
    page.goto(f"{stack.url}/")
    return Widget(page)


def link_targets(locator) -> list[str]:
    return locator.get_by_role("link").evaluate_all("links => links.map(a => a.href)")


def test_keyboard_user_talks_reloads_and_finds_the_conversation(stack, new_page):
    widget = landing(stack, new_page)
    page = widget.page
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat je al graag doet, doe dat samen")

    widget.open_by_keyboard()
    assert widget.focused() == "omzien-input"
    expect(widget.notice).to_contain_text("computerprogramma")
    expect(widget.notice).to_contain_text(f"{SETTINGS.conversation_retention_days} dagen")
    expect(widget.notice.get_by_role("link")).to_have_attribute("href", f"{stack.url}/privacy")

    before = widget.answers()
    page.keyboard.type("ik voel me eenzaam")
    page.keyboard.press("Enter")
    widget.wait_for_answer(before)
    expect(widget.user_messages.last).to_contain_text("ik voel me eenzaam")
    expect(widget.replies.first).to_be_visible()

    title = widget.choose(0)
    expect(widget.user_messages.last).to_contain_text(title)
    expect(widget.user_messages).to_have_count(2)
    answers = widget.answers()

    page.reload()
    expect(widget.panel).to_be_visible()  # it was open: it stays open across reloads
    expect(widget.user_messages).to_have_count(2)
    expect(widget.user_messages.first).to_contain_text("ik voel me eenzaam")
    expect(widget.user_messages.last).to_contain_text(title)
    assert widget.answers() == answers

    widget.input.focus()
    page.keyboard.press("Escape")
    expect(widget.panel).to_be_hidden()
    assert widget.focused() == "launcher"


def test_a_crisis_message_shows_the_crisis_card_with_tap_to_call_links(stack, new_page):
    widget = landing(stack, new_page)
    widget.open()
    widget.send("ik wil niet meer leven")
    card = widget.card("crisis")
    expect(card).to_be_visible()
    card.scroll_into_view_if_needed()
    expect(card).to_be_in_viewport()
    assert [href.rstrip("/") for href in link_targets(card)] == [
        tel_href(SETTINGS.crisis_number),
        tel_href(SETTINGS.crisis_free_number),
        SETTINGS.crisis_chat_url.rstrip("/"),
        tel_href(SETTINGS.emergency_number),
    ]
    assert {"tel:113", "tel:08000113", "tel:112"} <= set(link_targets(card))  # the defaults


def test_praat_met_een_mens_in_the_header_shows_the_human_line(stack, new_page):
    widget = landing(stack, new_page)
    widget.open()
    widget.human_button.click()
    card = widget.card("human_line")
    expect(card).to_contain_text(SETTINGS.human_line_name)
    call = card.get_by_role("link", name=re.compile(re.escape(SETTINGS.human_line_number)))
    expect(call).to_have_attribute("href", tel_href(SETTINGS.human_line_number))
    expect(call).to_be_focused()
    widget.page.reload()
    expect(widget.card("human_line")).to_be_visible()


def test_a_network_error_keeps_the_message_offers_retry_and_the_human_line(stack, new_page):
    widget = landing(stack, new_page)
    page = widget.page
    widget.open()
    page.route(f"{stack.url}/chat", lambda route: route.abort("internetdisconnected"))
    widget.input.fill("ik voel me eenzaam")
    widget.input.press("Enter")
    expect(widget.error).to_be_visible()
    expect(widget.error).to_contain_text("niet verstuurd")
    expect(widget.input).to_have_value("ik voel me eenzaam")
    expect(widget.user_messages).to_have_count(0)
    call = widget.error.get_by_role("link", name=re.compile(re.escape(SETTINGS.human_line_number)))
    expect(call).to_have_attribute("href", tel_href(SETTINGS.human_line_number))

    page.unroute(f"{stack.url}/chat")
    before = widget.answers()
    widget.error.get_by_role("button", name="Opnieuw proberen").click()
    widget.wait_for_answer(before)
    expect(widget.error).to_be_hidden()
    expect(widget.input).to_have_value("")
    expect(widget.user_messages).to_have_count(1)


def test_a_too_long_message_is_explained_and_kept(stack, new_page):
    widget = landing(stack, new_page)
    widget.open()
    text = "eenzaam " * (SETTINGS.max_message_chars // 8 + 1)
    widget.input.fill(text)
    widget.input.press("Enter")
    expect(widget.error).to_contain_text("te lang")
    expect(widget.error.get_by_role("button", name="Opnieuw proberen")).to_have_count(0)
    expect(widget.input).to_have_value(text.strip())


def test_bot_and_user_text_stay_text_and_only_http_links_are_clickable(stack, new_page):
    widget = landing(stack, new_page)
    page = widget.page
    widget.open()
    hostile = {
        "messages": [
            {
                "text": '<img src=x onerror="window.pwned=1"> Lees https://example.org/a?b=1. '
                "Niet javascript:alert(1) en niet <a href='javascript:alert(2)'>dit</a>",
                "buttons": [{"title": "<b>vet</b>", "payload": "/greet"}],
                "custom": {"handover": "<script>"},
            }
        ],
        "degraded": False,
    }
    page.route(f"{stack.url}/chat", lambda route: route.fulfill(json=hostile))
    widget.send("<i>hoi</i>")
    expect(widget.user_messages.last).to_contain_text("<i>hoi</i>")
    bubble = widget.bot_messages.last
    expect(bubble).to_contain_text("<img src=x")
    assert link_targets(bubble) == ["https://example.org/a?b=1"]
    expect(widget.replies.first).to_have_text("<b>vet</b>")
    injected = page.evaluate(
        """() => {
            const log = document.querySelector('omzien-chat').shadowRoot.querySelector('.log');
            const injected = log.querySelectorAll('img, i, b, script, [onerror]').length;
            return injected + (window.pwned ? 1 : 0);
        }"""
    )
    assert injected == 0
    expect(widget.host.locator("[data-card]")).to_have_count(0)


def test_a_degraded_answer_shows_the_human_line_card(stack, new_page):
    widget = landing(stack, new_page)
    widget.open()
    degraded = {"messages": [{"text": "Sorry, ik werk even niet."}], "degraded": True}
    widget.page.route(f"{stack.url}/chat", lambda route: route.fulfill(json=degraded))
    widget.send("hallo")
    expect(widget.card("human_line")).to_be_visible()
