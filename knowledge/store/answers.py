"""Search outcomes in plain Dutch: the intro line and one card per activity."""

from __future__ import annotations

from knowledge import lexicon
from knowledge.content import render
from knowledge.store.search import Outcome, Result

EXAMPLE_MARK = "VOORBEELD, geen echte activiteit"


def _text(key: str, **values: str) -> str:
    return "\n".join(message["text"] for message in render(key, **values))


def status_text(outcome: Outcome) -> str:
    """What to say before the results (or instead of them), with the example-data warning."""
    text = _intro(outcome)
    if any(result.example for result in outcome.results):
        text += "\n" + _text("find_activity_example_note")
    return text


def _intro(outcome: Outcome) -> str:
    label = (
        lexicon.activity_label(outcome.categories[0]) if outcome.categories else "iets samen doen"
    )
    place = outcome.place or ""
    if outcome.status == "unknown_place":
        return _text("find_activity_unknown_place", place=place)
    if outcome.status == "no_place":
        return _text("find_activity_no_place")
    if outcome.status == "fallback":
        key = "find_activity_fallback" if outcome.results else "find_activity_fallback_none"
        return _text(key, place_name=place, activity_label=label)
    if outcome.categories:
        return _text("find_activity_results", place_name=place, activity_label=label)
    return _text("find_activity_results_any", place_name=place)


def card_text(result: Result) -> str:
    """One activity: name, what, when, where and how far, cost, how to join."""
    lines = [f"{result.name} ({EXAMPLE_MARK})" if result.example else result.name]
    if result.description:
        lines.append(result.description)
    if result.schedule:
        lines.append(f"Wanneer: {result.schedule}")
    if result.address:
        distance = (
            f" ({result.distance_km:.1f} km)".replace(".", ",")
            if result.distance_km is not None
            else ""
        )
        lines.append(f"Waar: {result.address}{distance}")
    elif result.national:
        lines.append("Waar: in heel Nederland, via de telefoon of online")
    if result.cost:
        lines.append(f"Kosten: {result.cost}")
    join = " of ".join(filter(None, [f"bel {result.phone}" if result.phone else "", result.url]))
    if join:
        lines.append(f"Meedoen: {join}")
    return "\n".join(lines)
