"""GET /api/activities for everyone; POST/PUT/DELETE /api/services only with the data token."""

from __future__ import annotations

import pytest

AUTH = {"Authorization": "Bearer data-token"}


def new_service(sid: str = "api-1", **changes) -> dict:
    """A minimal valid HSDS service in Zwolle."""
    return {
        "id": sid,
        "name": "Koor De Zangers",
        "description": "Samen zingen, iedereen mag meedoen.",
        "organization": {"id": "org-api", "name": "Muziek Zwolle"},
        "service_at_locations": [
            {
                "id": f"{sid}:sal",
                "location": {
                    "id": f"{sid}:loc",
                    "latitude": 52.51,
                    "longitude": 6.09,
                    "addresses": [
                        {"id": f"{sid}:a", "address_1": "Zangstraat 3", "city": "Zwolle",
                         "postal_code": "8011 AB"}
                    ],
                },
            }
        ],
        "attributes": [
            {
                "id": f"{sid}:cat",
                "taxonomy_term": {
                    "id": "omzien-activiteiten:muziek en zang",
                    "code": "muziek en zang",
                    "name": "muziek en zang",
                    "taxonomy_detail": {"id": "omzien-activiteiten", "name": "omzien-activiteiten"},
                },
            }
        ],
        **changes,
    }  # fmt: skip


def test_search_returns_ranked_results_with_distance_and_example_flag(gateway):
    body = gateway.get("/api/activities", params={"q": "ik brei graag", "place": "Zwolle"}).json()
    assert body["status"] == "ok" and body["place"] == "Zwolle"
    first = body["results"][0]
    assert first["name"].startswith("Handwerkcafé") and first["example"] is True
    assert first["distance_km"] < 15
    assert "Zwolle" in body["message"] and "geen echte activiteiten" in body["message"]


def test_search_by_coordinates_postcode_day_and_free(gateway):
    params = {"lat": 52.37, "lon": 4.89, "radius_km": 5, "q": "koffie", "free": "true"}
    body = gateway.get("/api/activities", params=params).json()
    assert body["status"] in ("ok", "fallback")
    by_postcode = gateway.get("/api/activities", params={"postcode": "3512", "day": "di"})
    assert by_postcode.status_code == 200 and by_postcode.json()["status"] == "ok"


def test_unknown_place_is_a_clear_question_not_an_error_page(gateway):
    response = gateway.get("/api/activities", params={"q": "wandelen", "place": "Atlantis"})
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "unknown_place" and body["results"] == []
    assert "Atlantis" in body["message"] and "?" in body["message"]


def test_nothing_local_falls_back_to_national(gateway):
    body = gateway.get("/api/activities", params={"q": "zingen", "place": "Appingedam"}).json()
    assert body["status"] == "fallback"
    assert body["results"] and all(r["national"] for r in body["results"])


@pytest.mark.parametrize(
    "params", [{"radius_km": "-1"}, {"lat": "99", "lon": "5"}, {"limit": "0"}, {"free": "soms"}]
)
def test_bad_search_parameters_get_422(gateway, params):
    assert gateway.get("/api/activities", params=params).status_code == 422


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "x"}])
def test_writes_without_the_token_get_401_and_change_nothing(gateway, headers):
    assert gateway.post("/api/services", json=new_service(), headers=headers).status_code == 401
    replaced = gateway.put(
        "/api/services/vb-zwolle-01", json=new_service("vb-zwolle-01"), headers=headers
    )
    assert replaced.status_code == 401
    assert gateway.delete("/api/services/vb-zwolle-01", headers=headers).status_code == 401
    assert gateway.get("/api/services/vb-zwolle-01", headers=AUTH).status_code == 200


def test_an_unset_token_keeps_the_write_api_closed(gateway, settings):
    settings.data_api_token = None
    response = gateway.post(
        "/api/services", json=new_service(), headers={"Authorization": "Bearer "}
    )
    assert response.status_code == 401


def test_create_read_update_delete_with_the_token(gateway):
    created = gateway.post("/api/services", json=new_service(), headers=AUTH)
    assert created.status_code == 201 and created.json()["name"] == "Koor De Zangers"
    assert gateway.post("/api/services", json=new_service(), headers=AUTH).status_code == 409
    found = gateway.get("/api/activities", params={"q": "zingen", "place": "Zwolle"}).json()
    assert "api-1" in [r["id"] for r in found["results"]]
    updated = gateway.put("/api/services/api-1", json=new_service(name="Koor Nieuw"), headers=AUTH)
    assert updated.status_code == 200 and updated.json()["name"] == "Koor Nieuw"
    assert gateway.delete("/api/services/api-1", headers=AUTH).status_code == 204
    assert gateway.get("/api/services/api-1", headers=AUTH).status_code == 404
    assert gateway.delete("/api/services/api-1", headers=AUTH).status_code == 404


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"url": "geen url"}, "url"),
        ({"status": "misschien"}, "status"),
        ({"schedules": [{"id": "s", "byday": "MAANDAG"}]}, "byday"),
        ({"cost_options": [{"id": "c", "amount": -5}]}, "amount"),
    ],
)
def test_bad_input_gets_422_naming_the_field(gateway, changes, field):
    response = gateway.post("/api/services", json=new_service(**changes), headers=AUTH)
    assert response.status_code == 422
    assert field in [str(part) for error in response.json()["detail"] for part in error["loc"]]


def test_a_location_without_coordinates_is_refused(gateway):
    service = new_service()
    del service["service_at_locations"][0]["location"]["latitude"]
    response = gateway.post("/api/services", json=service, headers=AUTH)
    assert response.status_code == 422


def test_put_with_a_different_id_in_the_body_is_refused(gateway):
    response = gateway.put("/api/services/other", json=new_service(), headers=AUTH)
    assert response.status_code == 422
