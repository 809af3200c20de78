"""Doing something together: asking what and where, one question at a time."""

from __future__ import annotations

from rasa_sdk.events import SlotSet

from bot.actions.activities import ActionFindActivity, ActionHandleInform
from tests.actions.conftest import make_tracker, texts


def test_asks_what_the_person_likes_first(run):
    events, _ = run(ActionFindActivity(), make_tracker("ik wil mensen ontmoeten"))
    assert SlotSet("asked", "activity") in events


def test_then_asks_where(run):
    events, _ = run(ActionFindActivity(), make_tracker("wandelen", activity="wandelen"))
    assert SlotSet("asked", "place") in events


def test_unknown_place_asks_again_naming_it(run):
    tracker = make_tracker("Atlantis", activity="wandelen", place="Atlantis")
    events, messages = run(ActionFindActivity(), tracker)
    assert "Atlantis" in texts(messages)
    assert SlotSet("place", None) in events


def test_postcode_resolves_to_its_town(run):
    tracker = make_tracker("3512", activity="wandelen", postcode="3512")
    _, messages = run(ActionFindActivity(), tracker)
    assert "Utrecht" in texts(messages)


def test_verified_national_initiative_is_shown_for_its_activity(run):
    tracker = make_tracker("bellen", activity="telefoon en gesprek", place="Zwolle")
    _, messages = run(ActionFindActivity(), tracker)
    assert "Zilverlijn" in texts(messages)


def test_bare_relation_answer_continues_helping_another(run):
    entities = [{"entity": "relation", "value": "ouder", "start": 5, "end": 11}]
    tracker = make_tracker("mijn moeder", "inform", entities, relation="ouder", asked="relation")
    events, messages = run(ActionHandleInform(), tracker)
    assert "moeder" in texts(messages)
    assert SlotSet("asked", None) in events


def test_free_text_hobby_outside_the_taxonomy_is_kept(run):
    tracker = make_tracker("borduren", "inform", asked="activity")
    events, _ = run(ActionHandleInform(), tracker)
    assert SlotSet("activity", "borduren") in events
    assert SlotSet("asked", "place") in events


def test_bare_answer_without_context_is_not_guessed(run):
    _, messages = run(ActionHandleInform(), make_tracker("tja", "inform"))
    assert messages[-1]["buttons"]


def test_a_place_answer_that_is_no_known_place_is_named_and_asked_again(run):
    tracker = make_tracker("Atlantis", "inform", asked="place", activity="wandelen")
    events, messages = run(ActionHandleInform(), tracker)
    assert "Atlantis" in texts(messages)
    assert SlotSet("asked", "place") in events
