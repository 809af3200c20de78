"""Generated requests: schemathesis over the gateway's OpenAPI, and random bad input at the
routes where people's text comes in. No answer may be a 5xx; the counts go to the summary."""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from telephony.app import create_app
from tests.abuse import counts
from tests.abuse.conftest import set_limits
from tests.twilio.conftest import rasa_handler
from tests.twilio.helpers import FakeTwilio

FUZZ = hypothesis_settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def api_schema(settings, rasa_replies):
    """The gateway's own OpenAPI, with limits off (they would only answer 429)."""
    set_limits(settings)
    rasa_replies.update(delay=0.0, events=[], appended=[], requests=[])
    app = create_app(settings, transport=httpx.MockTransport(rasa_handler(rasa_replies)))
    return schemathesis.from_asgi("/openapi.json", app)


# FastAPI writes OpenAPI 3.1, which schemathesis 3.x reads only with this switch.
schemathesis.experimental.OPEN_API_3_1.enable()
schema = schemathesis.from_pytest_fixture("api_schema")


@schema.parametrize()
@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_generated_request_gets_a_5xx(case):
    response = case.call_asgi()
    counts.record("schemathesis_requests", response.status_code)
    case.validate_response(response, checks=(not_a_server_error,))


@pytest.fixture
def open_gateway(gateway, settings):
    """The gateway with rate limits off."""
    set_limits(settings)
    return gateway


def call(kind: str, response: httpx.Response) -> None:
    counts.record(kind, response.status_code)
    assert response.status_code < 500, response.text


@FUZZ
@given(body=st.binary(max_size=3000), content_type=st.sampled_from(
    ["application/json", "text/plain", "application/x-www-form-urlencoded", ""]))  # fmt: skip
def test_random_bytes_at_the_chat(open_gateway, body, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    call("bad_inputs", open_gateway.post("/chat", content=body, headers=headers))


@FUZZ
@given(sender=st.text(max_size=300), message=st.text(max_size=2500))
def test_random_text_at_the_chat(open_gateway, sender, message):
    call("bad_inputs", open_gateway.post("/chat", json={"sender": sender, "message": message}))


JSON_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=50)
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=10,
)


@FUZZ
@given(json_value=JSON_VALUES)
def test_random_json_at_the_chat(open_gateway, json_value):
    call("bad_inputs", open_gateway.post("/chat", json=json_value))


TWILIO_FIELDS = st.dictionaries(
    st.sampled_from(["Body", "From", "To", "SpeechResult", "Digits", "CallSid", "NumMedia",
                     "DialCallStatus", "CallStatus", "ErrorCode"]) | st.text(max_size=10),
    st.text(max_size=300),
    max_size=6,
)  # fmt: skip
TWILIO_PATHS = st.sampled_from(
    ["/twilio/voice", "/twilio/voice/turn", "/twilio/voice/offer", "/twilio/voice/handover",
     "/twilio/voice/whisper", "/twilio/voice/dial-status", "/twilio/voice/after-dial",
     "/twilio/voice/callback", "/twilio/voice/fallback", "/twilio/voice/status",
     "/twilio/whatsapp", "/twilio/whatsapp/fallback"]
)  # fmt: skip
QUERIES = st.sampled_from(["", "?line=crisis", "?topic=%00", "?b=1&b=2", "?silences=x", "?%ff"])


@FUZZ
@given(path=TWILIO_PATHS, query=QUERIES, fields=TWILIO_FIELDS)
def test_random_signed_twilio_webhooks(twilio_app, twilio_settings, path, query, fields):
    set_limits(twilio_settings)
    response = FakeTwilio(twilio_app, twilio_settings).post(path + query, fields)
    call("bad_inputs", response)
    assert response.status_code == 200, "a signed request always gets TwiML"


@FUZZ
@given(path=TWILIO_PATHS, body=st.binary(max_size=2000), signature=st.text(max_size=40))
def test_random_unsigned_twilio_webhooks(twilio_app, twilio_settings, path, body, signature):
    set_limits(twilio_settings)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature.isascii() and signature.isprintable():
        headers["X-Twilio-Signature"] = signature
    response = twilio_app.post(path, content=body, headers=headers)
    call("bad_inputs", response)
    assert response.status_code == 403


@FUZZ
@given(params=st.dictionaries(
    st.sampled_from(["q", "place", "postcode", "lat", "lon", "radius_km", "day", "free", "group",
                     "offset", "limit"]),
    st.text(max_size=250), max_size=6))  # fmt: skip
def test_random_queries_at_the_activities_api(open_gateway, params):
    call("bad_inputs", open_gateway.get("/api/activities", params=params))


def test_counts_are_printed_and_kept():
    """Not a check of the app: the numbers of this run land in var/schemathesis.json."""
    counts.write_report()
    assert counts.REPORT.exists()
