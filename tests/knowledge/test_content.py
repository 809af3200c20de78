"""Every text renders, uses only known intents in buttons, and holds no hard-coded numbers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from knowledge.content import render, texts
from omzien.settings import get_settings

DOMAIN = Path(__file__).resolve().parents[2] / "bot" / "domain"
EXTRA = {
    "relation_word": "buurvrouw",
    "nr": 1,
    "text": "x",
    "score": 3,
    "emotional": 1,
    "social": 2,
    "place": "X",
    "place_name": "Utrecht",
    "activity_label": "wandelen",
}


def domain_intents() -> set[str]:
    found: set[str] = set()
    for path in DOMAIN.glob("*.yml"):
        found |= set(yaml.safe_load(path.read_text()).get("intents", []))
    return found | {"nlu_fallback"}


@pytest.mark.parametrize("key", sorted(texts()))
def test_text_renders_with_known_intents_and_no_literal_numbers(key):
    raw = " ".join(m["text"] for m in texts()[key])
    assert not re.search(r"\b(113|112|0800|088)\b", raw), "numbers come from settings"
    for message in render(key, **EXTRA):
        assert message["text"]
        for button in message.get("buttons", []):
            intent = re.match(r"/(\w+)", button["payload"])
            assert intent is None or intent.group(1) in domain_intents()


def test_helpline_numbers_are_filled_from_settings():
    assert get_settings().human_line_number in " ".join(m["text"] for m in render("talk_to_human"))
