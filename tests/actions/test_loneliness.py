"""Own loneliness and information about loneliness."""

from __future__ import annotations

import pytest

from bot.actions.loneliness import ActionFeelLonely, ActionLonelinessInfo, info_topic
from tests.actions.conftest import make_tracker, texts


def test_feel_lonely_offers_the_four_paths(run):
    _, messages = run(ActionFeelLonely(), make_tracker("ik voel me eenzaam", "feel_lonely"))
    payloads = [b["payload"] for b in messages[-1]["buttons"]]
    assert payloads[0] == "/find_activity" and "/talk_to_human" in payloads
    assert "/self_check" in payloads
    assert any(p.startswith("/loneliness_info") for p in payloads)


@pytest.mark.parametrize(
    "text, slot, topic",
    [
        ("wanneer is de week tegen eenzaamheid", None, "week"),
        ("hoeveel mensen zijn eenzaam", None, "hoe_vaak"),
        ("wat is sociale eenzaamheid", None, "soorten"),
        ("x", "tips", "tips"),
        ("vertel eens iets", None, None),
    ],
)
def test_info_topic(text, slot, topic):
    assert info_topic(text, slot) == topic


def test_how_common_uses_the_shared_figures(run):
    _, messages = run(ActionLonelinessInfo(), make_tracker("hoeveel mensen zijn eenzaam"))
    assert "47" in texts(messages)
