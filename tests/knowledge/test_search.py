"""Search: interest first, then distance, schedule fit and freshness; national when nothing fits."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete
from sqlalchemy.orm import Session

from knowledge.places import postcode_point
from knowledge.store import models, search
from knowledge.store.answers import EXAMPLE_MARK, card_text, status_text
from knowledge.store.importer import import_services
from knowledge.store.search import Query, haversine_from
from knowledge.store.seed import national_services
from knowledge.store.taxonomy import ACTIVITIES, GROUPS, attribute
from omzien.db import engine_for

ORIGIN = postcode_point("8011")  # Zwolle


def service(sid: str, km_north: float, categories=("wandelen",), **extra) -> tuple[str, dict]:
    """A walking group `km_north` km north of postcode 8011."""
    schedule = extra.pop("schedule", None)
    groups = extra.pop("groups", [])
    amount = extra.pop("amount", None)
    item = {
        "id": sid,
        "name": extra.pop("name", f"Groep {sid}"),
        "description": extra.pop("description", "Samen op pad."),
        "organization": {"id": "org-test", "name": "Test"},
        "service_at_locations": [
            {
                "id": f"{sid}:sal",
                "location": {
                    "id": f"{sid}:loc",
                    "latitude": ORIGIN[0] + km_north / 111.2,
                    "longitude": ORIGIN[1],
                    "addresses": [
                        {
                            "id": f"{sid}:a",
                            "address_1": "Straat 1",
                            "city": "Zwolle",
                            "postal_code": "8011",
                        }
                    ],
                },
            }
        ],
        "schedules": [{"id": f"{sid}:s", **schedule}] if schedule else [],
        "cost_options": [{"id": f"{sid}:c", "amount": amount}] if amount is not None else [],
        "attributes": [attribute(sid, ACTIVITIES, c) for c in categories]
        + [attribute(sid, GROUPS, g) for g in groups],
        **extra,
    }
    return sid, item


@pytest.fixture
def engine(database_url):
    """The seeded database with only the national initiatives and the given test services."""
    engine = engine_for(database_url)
    with Session(engine, future=True) as session, session.begin():
        session.execute(
            delete(models.Service).where(models.Service.id.like("vb-%")),
            execution_options={"synchronize_session": False},
        )
    return engine


def ids(outcome) -> list[str]:
    return [r.id for r in outcome.results]


def test_haversine_matches_a_known_distance():
    amsterdam, utrecht = (52.3728, 4.8936), (52.0907, 5.1214)
    assert haversine_from(*amsterdam)(*utrecht) == pytest.approx(34.8, abs=0.5)


def test_nearest_first_with_distances_in_km(engine):
    import_services(engine, [service("far", 9), service("near", 1), service("mid", 4)])
    outcome = search.search(engine, Query(q="wandelen", postcode="8011", limit=10))
    assert outcome.status == "ok"
    assert ids(outcome) == ["near", "mid", "far"]
    assert [r.distance_km for r in outcome.results] == pytest.approx([1.0, 4.0, 9.0], abs=0.1)


def test_beyond_the_radius_is_not_local(engine):
    import_services(engine, [service("far", 30)])
    outcome = search.search(engine, Query(q="wandelen", postcode="8011", radius_km=10))
    assert outcome.status == "fallback"
    assert all(r.national for r in outcome.results)


def test_interest_beats_distance_and_own_words_beat_the_category(engine):
    import_services(
        engine,
        [
            service("chess", 0.5, categories=("spel en denksport",), description="Schaken."),
            service("cards", 3, categories=("spel en denksport",), description="Klaverjassen."),
            service("walk", 0.2),
        ],
    )
    outcome = search.search(engine, Query(q="ik klaverjas graag", place="Zwolle", limit=10))
    assert ids(outcome)[:2] == ["cards", "chess"]
    assert "walk" not in ids(outcome)


def test_a_hobby_word_finds_the_handwerkcafe(database_url):
    outcome = search.search(engine_for(database_url), Query(q="ik brei graag", place="Zwolle"))
    assert outcome.results[0].name.startswith("Handwerkcafé")
    assert outcome.categories == ["creatief en cultuur"]


def test_schedule_fit_then_freshness_break_ties(engine):
    today = dt.date.today()
    monday, tuesday = {"freq": "WEEKLY", "byday": "MO"}, {"freq": "WEEKLY", "byday": "TU"}
    import_services(
        engine,
        [
            service("monday", 2, schedule=monday),
            service("tuesday-old", 2, schedule=tuesday, assured_date="2024-01-01"),
            service("tuesday-new", 2, schedule=tuesday, assured_date=str(today)),
        ],
    )  # fmt: skip
    outcome = search.search(engine, Query(q="wandelen", postcode="8011", day="dinsdag", limit=10))
    assert ids(outcome) == ["tuesday-new", "tuesday-old", "monday"]


def test_activities_that_ended_are_not_shown(engine):
    ended = {"freq": "WEEKLY", "byday": "MO", "valid_from": "2020-01-01", "valid_to": "2020-06-01"}
    import_services(engine, [service("ended", 1, schedule=ended), service("runs", 2)])
    assert ids(search.search(engine, Query(q="wandelen", postcode="8011"))) == ["runs"]


def test_free_and_group_filters(engine):
    import_services(
        engine,
        [
            service("paid", 1, amount=3.5, groups=["ouderen"]),
            service("free-young", 2, amount=0, groups=["jongeren"]),
            service("free-all", 3, amount=0),
        ],
    )
    free = search.search(engine, Query(q="wandelen", postcode="8011", free=True, limit=10))
    assert ids(free) == ["free-young", "free-all"]
    assert free.results[0].cost == "gratis"
    young = search.search(engine, Query(q="wandelen", postcode="8011", group="jongeren", limit=10))
    assert ids(young) == ["free-young", "free-all"]


def test_paging_returns_the_next_three(engine):
    import_services(engine, [service(f"s{n}", n + 0.5) for n in range(7)])
    first = search.search(engine, Query(q="wandelen", postcode="8011"))
    second = search.search(engine, Query(q="wandelen", postcode="8011", offset=3))
    assert first.total == 7
    assert ids(first) == ["s0", "s1", "s2"] and ids(second) == ["s3", "s4", "s5"]


def test_nothing_local_falls_back_to_national_phone_initiatives_and_says_so(engine):
    outcome = search.search(engine, Query(q="zingen", place="Appingedam"))
    assert outcome.status == "fallback"
    assert outcome.results and all(r.national for r in outcome.results)
    assert [r.name for r in outcome.results] == ["Zilverlijn"]  # none fit: those by phone
    assert "vond ik nu niets" in status_text(outcome)
    assert "heel Nederland" in card_text(outcome.results[0])


def test_the_fallback_prefers_national_initiatives_that_fit_the_interest(engine):
    outcome = search.search(engine, Query(q="koffie drinken", place="Appingedam"))
    assert outcome.status == "fallback"
    assert [r.name for r in outcome.results] == ["Alzheimer Café"]


def test_unverified_national_initiatives_are_never_shown(engine):
    hidden = {item["name"] for _, item in national_services() if item["status"] != "active"}
    shown = set()
    for word in ["koffie", "wandelen", "bellen", "vrijwilligerswerk", "sport", "eten", "vervoer"]:
        outcome = search.search(engine, Query(q=word, place="Appingedam", limit=50))
        shown |= {r.name for r in outcome.results}
    assert len(hidden) >= 15 and shown and not hidden & shown


@pytest.mark.parametrize("place", ["Atlantis", "0000", "1004 ZZ", "Zwolle-Noordpool"])
def test_an_unknown_place_asks_again(database_url, place):
    outcome = search.search(engine_for(database_url), Query(q="wandelen", place=place))
    assert outcome.status == "unknown_place" and outcome.results == []
    assert place in status_text(outcome) and "?" in status_text(outcome)


@pytest.mark.parametrize(
    ("query", "town"),
    [
        (Query(postcode="8011 AB"), "Zwolle"),
        (Query(place="8011ab"), "Zwolle"),
        (Query(place="zwolle"), "Zwolle"),
        (Query(place="Hengelo"), "Hengelo"),
        (Query(place="Grou"), "Grou"),
    ],
)
def test_postcodes_towns_and_municipalities_resolve(database_url, query, town):
    outcome = search.search(engine_for(database_url), query)
    assert outcome.status in ("ok", "fallback") and town in outcome.place


def test_example_data_is_marked_in_every_card(database_url):
    outcome = search.search(engine_for(database_url), Query(q="", place="Maastricht", limit=20))
    assert outcome.results and all(r.example for r in outcome.results)
    assert all(EXAMPLE_MARK in card_text(r) for r in outcome.results)


def test_a_card_says_what_when_where_cost_and_how_to_join(engine):
    import_services(
        engine,
        [
            service(
                "card", 2.0, amount=2.5, url="https://example.org/wandel",
                schedule={"freq": "WEEKLY", "byday": "WE", "opens_at": "10:00",
                          "closes_at": "12:00"},
                phones=[{"id": "card:p", "number": "038 123 4567"}],
            )
        ],
    )  # fmt: skip
    text = card_text(search.search(engine, Query(q="wandelen", postcode="8011")).results[0])
    assert "Groep card" in text and "Samen op pad." in text
    assert "elke woensdag van 10.00 tot 12.00" in text
    assert "Straat 1, Zwolle (2,0 km)" in text
    assert "€ 2,50" in text
    assert "bel 038 123 4567 of https://example.org/wandel" in text
    assert EXAMPLE_MARK not in text
