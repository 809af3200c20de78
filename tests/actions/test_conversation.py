"""Greeting, bot challenge, out of scope and other languages."""

from __future__ import annotations

import pytest

from bot.actions.conversation import ActionBotChallenge, ActionGreet, ActionOutOfScope
from omzien.settings import get_settings
from tests.actions.conftest import make_tracker, texts


def test_greeting_says_it_is_a_program_and_a_human_line_exists(run):
    _, messages = run(ActionGreet(), make_tracker("hoi"))
    text = texts(messages).lower()
    assert "computerprogramma" in text and "geen mens" in text
    assert get_settings().human_line_name.lower() in text
    assert messages[-1]["buttons"], "the greeting ends with choices"


def test_bot_challenge_is_truthful(run):
    _, messages = run(ActionBotChallenge(), make_tracker("ben jij een robot"))
    assert "geen mens" in texts(messages)


@pytest.mark.parametrize("text", ["what is the weather like today", "ich bin sehr allein"])
def test_other_language_gets_dutch_and_one_english_sentence(run, text):
    _, messages = run(ActionOutOfScope(), make_tracker(text, "out_of_scope"))
    reply = texts(messages)
    assert "Nederlands" in reply
    assert "I only speak Dutch" in reply or "Dutch" in reply
    assert get_settings().crisis_free_number in reply


def test_dutch_out_of_scope_gets_a_kind_redirect(run):
    _, messages = run(
        ActionOutOfScope(), make_tracker("wat voor weer wordt het morgen", "out_of_scope")
    )
    reply = texts(messages)
    assert "Dutch" not in reply
    assert messages[-1]["buttons"]
