"""POST /chat/forget: the widget's "Nieuw gesprek" deletes the conversation on the server."""

from __future__ import annotations

from telephony.pseudonym import pseudonym


def web_id(settings, sender: str) -> str:
    return pseudonym(settings.pseudonym_secret, "web", sender)


def test_forget_deletes_the_conversation_under_the_same_pseudonym_as_chat(
    gateway, settings, trackers, rasa_replies
):
    gateway.post("/chat", json={"sender": "tab-1", "message": "hoi"})
    assert rasa_replies["seen"][-1]["sender"] == web_id(settings, "tab-1")
    trackers.talk(web_id(settings, "tab-1"), "ik woon in 1234 [postcode]")
    trackers.talk(web_id(settings, "tab-2"), "hallo")

    response = gateway.post("/chat/forget", json={"sender": "tab-1"})

    assert response.status_code == 200
    assert response.json() == {"forgotten": True}
    assert trackers.senders() == {web_id(settings, "tab-2")}


def test_forgetting_a_conversation_the_server_never_saw_is_fine(gateway, trackers):
    assert gateway.post("/chat/forget", json={"sender": "nieuw"}).status_code == 200


def test_forget_checks_its_input_like_chat(gateway):
    for body in ({}, {"sender": ""}, {"sender": 5}, {"sender": "x" * 201}):
        assert gateway.post("/chat/forget", json=body).status_code == 422


def test_a_failing_database_gives_503_with_a_kind_text(gateway, settings, tmp_path, monkeypatch):
    broken = f"sqlite:///{tmp_path}"  # a folder: no database opens there
    monkeypatch.setattr(gateway.app.state.settings, "tracker_url", broken, raising=False)
    response = gateway.post("/chat/forget", json={"sender": "tab-1"})
    assert response.status_code == 503
    assert "Het wissen is niet gelukt" in response.json()["detail"]
