"""GET /health: parts up or down, and anonymous handover counters."""

from __future__ import annotations

from pathlib import Path

import httpx


def test_all_parts_up(gateway):
    body = gateway.get("/health").json()
    assert body["status"] == "ok"
    assert body["parts"] == {"rasa": "up", "actions": "up", "database": "up"}


def test_rasa_down_is_reported(gateway, rasa_replies):
    rasa_replies["error"] = httpx.ConnectError("down")
    body = gateway.get("/health").json()
    assert body["status"] == "degraded"
    assert body["parts"]["rasa"] == "down" and body["parts"]["actions"] == "down"
    assert body["parts"]["database"] == "up"


def test_handover_payloads_are_counted_without_ids(gateway, rasa_replies, settings):
    rasa_replies["messages"] = [
        {"recipient_id": "x", "text": "Bel 113."},
        {"recipient_id": "x", "custom": {"handover": "crisis"}},
    ]
    gateway.post("/chat", json={"sender": "a", "message": "..."})
    gateway.post("/chat", json={"sender": "b", "message": "..."})
    rasa_replies["messages"] = [{"recipient_id": "x", "custom": {"handover": "human_line"}}]
    gateway.post("/chat", json={"sender": "c", "message": "..."})
    counters = gateway.get("/health").json()["counters"]
    assert counters == {"crisis_referrals": 2, "human_handovers": 1}


def test_counter_table_holds_no_ids_or_text(gateway, rasa_replies, settings):
    rasa_replies["messages"] = [{"recipient_id": "x", "custom": {"handover": "crisis"}}]
    gateway.post("/chat", json={"sender": "secret-person", "message": "geheim bericht"})
    raw = Path(settings.database_url.removeprefix("sqlite:///")).read_bytes()
    assert b"secret-person" not in raw and b"geheim" not in raw
