"""The activity form and the recommendations: one question at a time, then three cards."""

from __future__ import annotations

import asyncio

import pytest
import yaml
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.activities import (
    ActionAskActivity,
    ActionAskPlace,
    ActionHandleInform,
    ValidateActivityForm,
)
from bot.actions.recommend import (
    ActionOtherActivity,
    ActionShowActivities,
    ActionShowMoreActivities,
)
from knowledge.store.answers import EXAMPLE_MARK
from omzien.settings import ROOT, Settings, get_settings
from tests.actions.conftest import make_tracker, texts


def validate(slot: str, value: str) -> dict:
    """Run the form's validation of one slot."""
    method = getattr(ValidateActivityForm(), f"validate_{slot}")
    return asyncio.run(method(value, CollectingDispatcher(), make_tracker(value), {}))


def fresh_run(action, tracker) -> list[dict]:
    """The messages one action run sends."""
    dispatcher = CollectingDispatcher()
    asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages


def buttons(messages: list[dict]) -> list[str]:
    return [b["payload"] for m in messages for b in m.get("buttons") or []]


@pytest.mark.parametrize(
    ("answer", "activity"),
    [
        ("ik brei graag", "creatief en cultuur"),
        ("wandelen", "wandelen"),
        ("klaverjassen met vrienden", "spel en denksport"),
        ("modelbouw", "modelbouw"),  # outside the taxonomy: kept in the person's words
    ],
)
def test_the_activity_answer_becomes_a_category_or_the_persons_own_hobby(answer, activity):
    assert validate("activity", answer) == {"activity": activity}


def test_an_empty_or_rambling_activity_answer_is_asked_again():
    assert validate("activity", " ") == {"activity": None}
    assert validate("activity", "x" * 200) == {"activity": None}


@pytest.mark.usefixtures("settings")
@pytest.mark.parametrize("place", ["Zwolle", "zwolle", "3512", "7551 AB", "Grou"])
def test_known_places_and_postcodes_are_kept(place):
    assert validate("place", place) == {"place": place, "unknown_place": None}


@pytest.mark.usefixtures("settings")
def test_an_unknown_place_is_remembered_so_the_question_names_it(run):
    assert validate("place", "Atlantis") == {"place": None, "unknown_place": "Atlantis"}
    events, messages = run(ActionAskPlace(), make_tracker("Atlantis", unknown_place="Atlantis"))
    assert "'Atlantis'" in texts(messages) and "?" in texts(messages)
    assert SlotSet("unknown_place", None) in events


def test_the_place_question_asks_for_town_or_postcode(run):
    _, messages = run(ActionAskPlace(), make_tracker("wandelen"))
    assert "postcode" in texts(messages)


def test_the_activity_question_mentions_the_person_it_is_for(run):
    text = "iets samen met mijn moeder doen"
    start = text.index("moeder")
    entities = [{"entity": "relation", "value": "ouder", "start": start, "end": start + 6}]
    tracker = make_tracker(text, "find_activity", entities)
    _, messages = run(ActionAskActivity(), tracker)
    assert "je moeder graag" in texts(messages)


@pytest.mark.usefixtures("settings")
def test_three_cards_with_meer_iets_anders_and_praten(run):
    tracker = make_tracker("wandelen", activity=None, place="Utrecht")
    events, messages = run(ActionShowActivities(), tracker)
    cards = [m for m in messages if "Wanneer:" in (m.get("text") or "")]
    assert len(cards) == 3
    assert all(EXAMPLE_MARK in card["text"] for card in cards)
    assert "geen echte activiteiten" in texts(messages)
    assert buttons(messages) == ["/more_activities", "/other_activity", "/talk_to_human"]
    assert SlotSet("activity_offset", 3.0) in events


@pytest.mark.usefixtures("settings")
def test_meer_shows_the_next_three_then_says_there_are_no_more():
    first = fresh_run(ActionShowActivities(), make_tracker("", place="Utrecht", activity="iets"))
    tracker = make_tracker("meer", place="Utrecht", activity="iets", activity_offset=3.0)
    more = fresh_run(ActionShowMoreActivities(), tracker)
    first_cards = {m["text"] for m in first if "Wanneer:" in (m.get("text") or "")}
    more_cards = {m["text"] for m in more if "Wanneer:" in (m.get("text") or "")}
    assert len(more_cards) == 3 and not first_cards & more_cards
    last = make_tracker("meer", place="Utrecht", activity="iets", activity_offset=500.0)
    assert "Meer heb ik niet gevonden" in texts(fresh_run(ActionShowMoreActivities(), last))


def test_meer_without_a_search_starts_the_form(run):
    events, _ = run(ActionShowMoreActivities(), make_tracker("meer", "more_activities"))
    assert events == [FollowupAction("activity_form")]


def test_iets_anders_forgets_the_interest_but_keeps_the_place(run):
    events, _ = run(ActionOtherActivity(), make_tracker("iets anders", place="Zwolle"))
    assert events == [SlotSet("activity", None), SlotSet("activity_offset", None)]


@pytest.mark.usefixtures("settings")
def test_nothing_local_says_so_and_shows_phone_initiatives(run):
    tracker = make_tracker("zingen", activity="muziek en zang", place="Appingedam")
    _, messages = run(ActionShowActivities(), tracker)
    assert "vond ik nu niets" in texts(messages)
    assert "Zilverlijn" in texts(messages)


def test_a_database_failure_still_gives_the_human_line(monkeypatch, tmp_path):
    monkeypatch.setenv("OMZIEN_DATABASE_URL", f"sqlite:///{tmp_path / 'no-tables.db'}")
    get_settings.cache_clear()
    try:
        tracker = make_tracker("", place="Zwolle", activity="wandelen")
        messages = fresh_run(ActionShowActivities(), tracker)
    finally:
        get_settings.cache_clear()
    assert Settings().human_line_number in texts(messages)


def test_a_named_place_or_activity_outside_the_form_starts_it(run):
    entities = [{"entity": "place", "value": "Zwolle", "start": 0, "end": 6}]
    events, _ = run(ActionHandleInform(), make_tracker("Zwolle", "inform", entities))
    assert events == [FollowupAction("activity_form")]


def test_bare_relation_answer_continues_helping_another(run):
    entities = [{"entity": "relation", "value": "ouder", "start": 5, "end": 11}]
    tracker = make_tracker("mijn moeder", "inform", entities, relation="ouder", asked="relation")
    events, messages = run(ActionHandleInform(), tracker)
    assert "moeder" in texts(messages)
    assert SlotSet("asked", None) in events


def test_bare_answer_without_context_is_not_guessed(run):
    _, messages = run(ActionHandleInform(), make_tracker("tja", "inform"))
    assert messages[-1]["buttons"]


def test_interest_and_place_are_forgotten_when_the_session_ends():
    files = [
        yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "bot/domain").glob("*.yml")
    ]
    session = next(f["session_config"] for f in files if "session_config" in f)
    forms = {name: form for f in files for name, form in f.get("forms", {}).items()}
    assert session["carry_over_slots_to_new_session"] is False
    assert session["session_expiration_time"] > 0
    assert forms["activity_form"]["required_slots"] == ["activity", "place"]


def test_iets_anders_that_names_an_activity_takes_it_at_once(run):
    entities = [{"entity": "activity", "value": "muziek en zang", "start": 16, "end": 20}]
    tracker = make_tracker("liever iets met koor", "other_activity", entities, place="Zwolle")
    events, _ = run(ActionOtherActivity(), tracker)
    assert events == [SlotSet("activity", "muziek en zang"), SlotSet("activity_offset", None)]
