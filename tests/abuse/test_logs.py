"""Structured logs: JSON lines with a request id; no texts, numbers, addresses or queries."""

from __future__ import annotations

import json
import logging

import pytest
from fastapi.testclient import TestClient

from telephony.logs import JsonFormatter

PHONE = "06-12345678"
SECRET = "ik heb het nog nooit aan iemand verteld"
EMAIL = "jan.devries@example.nl"
CLIENT_IP = "203.0.113.77"
FORBIDDEN = [PHONE, "0612345678", "612345678", "12345678", SECRET, EMAIL, CLIENT_IP, "klaverjassen"]


def json_lines(records: list[logging.LogRecord]) -> list[dict]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(record)) for record in records]


def assert_nothing_personal(lines: list[dict]) -> None:
    dump = json.dumps(lines, ensure_ascii=False)
    for forbidden in FORBIDDEN:
        assert forbidden not in dump, forbidden


@pytest.fixture
def client(gateway):
    """The gateway seen from a real-looking address."""
    return TestClient(gateway.app, client=(CLIENT_IP, 50000))


def test_a_chat_turn_logs_json_with_its_request_id_and_nothing_personal(
    client, rasa_replies, caplog
):
    rasa_replies["messages"] = [{"recipient_id": "x", "text": f"Je zei: {SECRET}"}]
    with caplog.at_level(logging.INFO):
        response = client.post(
            "/chat?email=" + EMAIL,
            json={"sender": EMAIL, "message": f"bel me op {PHONE}, {SECRET}, {EMAIL}"},
        )
        client.get("/api/activities", params={"q": "klaverjassen", "place": "Hengelo"})
    assert response.status_code == 200
    request_id = response.headers["x-request-id"]
    lines = json_lines(caplog.records)
    access = [line for line in lines if line["logger"] == "omzien.access"]
    assert access[0] == {
        **access[0],
        "request_id": request_id,
        "method": "POST",
        "path": "/chat",
        "status": 200,
    }
    assert isinstance(access[0]["duration_ms"], float)
    assert access[1]["path"] == "/api/activities"
    assert_nothing_personal(lines)


def test_the_lines_on_stderr_are_json(client, capsys):
    response = client.get("/health", headers={"X-Request-ID": "req-0123456789abcdef"})
    assert response.headers["x-request-id"] == "req-0123456789abcdef"
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line]
    assert any(line.get("request_id") == "req-0123456789abcdef" for line in lines)


@pytest.mark.parametrize(
    "given", ["0612345678", "+31612345678", "a b", "x" * 200, "<script>", "jan@x.nl", "short"]
)
def test_a_request_id_that_is_not_an_id_is_replaced(client, given):
    response = client.get("/health", headers={"X-Request-ID": given})
    assert response.headers["x-request-id"] != given
    assert len(response.headers["x-request-id"]) == 32


def test_warnings_inside_a_request_carry_its_id_and_no_text(client, rasa_replies, caplog):
    import httpx

    rasa_replies["error"] = httpx.ConnectError("down")
    with caplog.at_level(logging.INFO):
        response = client.post("/chat", json={"sender": "a", "message": f"{SECRET} {PHONE}"})
    warnings = [line for line in json_lines(caplog.records) if line["level"] == "WARNING"]
    assert warnings and all(w["request_id"] == response.headers["x-request-id"] for w in warnings)
    assert_nothing_personal(json_lines(caplog.records))


def test_whatsapp_and_phone_numbers_stay_out_of_the_logs(twilio, fake_rasa, caplog):
    with caplog.at_level(logging.INFO):
        twilio.whatsapp(f"{SECRET} {PHONE}", From="whatsapp:+31612345678")
        greeting = twilio.voice("/twilio/voice", From="+31612345678")
        twilio.answer(greeting, speech=SECRET)
    lines = json_lines(caplog.records)
    assert {line["path"] for line in lines if "path" in line} >= {
        "/twilio/whatsapp",
        "/twilio/voice",
        "/twilio/voice/turn",
    }
    assert_nothing_personal(lines)
    assert "+31612345678" not in json.dumps(lines)


def test_unrouted_paths_are_logged_without_numbers_or_addresses(client, caplog):
    with caplog.at_level(logging.INFO):
        client.get(f"/bel/{PHONE.replace('-', '')}/{EMAIL}/x")
    (line,) = [line for line in json_lines(caplog.records) if line["logger"] == "omzien.access"]
    assert line["status"] == 404 and line["path"] == "/bel/…/…/x"


def test_uvicorn_writes_no_access_line_of_its_own(gateway):
    access = logging.getLogger("uvicorn.access")
    assert not access.hasHandlers(), "uvicorn skips its access log when no handler is found"
