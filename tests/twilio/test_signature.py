"""Every Twilio route checks X-Twilio-Signature against the public URL; nothing else gets in."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from twilio.request_validator import RequestValidator

from omzien.settings import Settings
from telephony.app import create_app
from telephony.twilio.webhooks import webhook_urls
from tests.twilio.helpers import Twiml, bot

TWILIO_ROUTES = sorted(
    route.path for route in create_app().routes if route.path.startswith("/twilio")
)


def test_every_twilio_route_is_covered():
    assert len(TWILIO_ROUTES) == 12  # a new route must be added to the bridge's tests as well


@pytest.mark.parametrize("path", TWILIO_ROUTES)
def test_a_correctly_signed_request_gets_twiml(twilio, fake_rasa, path):
    fake_rasa["messages"] = [bot("Hoi!")]
    response = twilio.post(path, twilio.call_params(Body="hoi", DialCallStatus="completed"))
    assert response.status_code == 200
    Twiml(response.text)


@pytest.mark.parametrize("path", TWILIO_ROUTES)
@pytest.mark.parametrize("signature", ["", "bm90IGEgc2lnbmF0dXJl"])
def test_a_missing_or_wrong_signature_is_refused_before_the_bot(twilio, fake_rasa, path, signature):
    params = twilio.call_params(SpeechResult="ik voel me eenzaam", Body="hoi", Digits="1")
    response = twilio.post(path, params, signature=signature)
    assert response.status_code == 403
    assert fake_rasa["requests"] == []


def test_a_signature_over_the_gateways_own_host_is_refused(twilio, twilio_settings, fake_rasa):
    # Behind a proxy Twilio signs the public URL; the internal one must not validate.
    params = twilio.call_params(SpeechResult="hallo")
    internal = RequestValidator(twilio_settings.twilio_auth_token).compute_signature(
        "http://testserver/twilio/voice/turn", params
    )
    assert twilio.post("/twilio/voice/turn", params, signature=internal).status_code == 403
    assert fake_rasa["seen"] == []


def test_changed_state_in_the_query_breaks_the_signature(twilio, fake_rasa):
    params = twilio.call_params(Digits="1")
    signed_for = twilio.public("/twilio/voice/turn?b=%2Ffind_activity")
    signature = twilio.validator.compute_signature(signed_for, params)
    tampered = "/twilio/voice/turn?b=%2Fcrisis"
    assert twilio.post(tampered, params, signature=signature).status_code == 403
    assert fake_rasa["seen"] == []


def test_changed_form_fields_break_the_signature(twilio, fake_rasa):
    signature = twilio.validator.compute_signature(
        twilio.public("/twilio/whatsapp"), {"From": "whatsapp:+31600000001", "Body": "hoi"}
    )
    params = {"From": "whatsapp:+31600000001", "Body": "iets anders"}
    assert twilio.post("/twilio/whatsapp", params, signature=signature).status_code == 403
    assert fake_rasa["seen"] == []


def test_a_request_signed_with_another_token_is_refused(twilio, fake_rasa):
    params = twilio.call_params(SpeechResult="hallo")
    other = RequestValidator("another-account").compute_signature(
        twilio.public("/twilio/voice/turn"), params
    )
    assert twilio.post("/twilio/voice/turn", params, signature=other).status_code == 403


def test_production_has_no_default_twilio_token(monkeypatch):
    monkeypatch.delenv("OMZIEN_TWILIO_AUTH_TOKEN", raising=False)
    with pytest.raises(ValidationError, match="OMZIEN_TWILIO_AUTH_TOKEN"):
        Settings(_env_file=None, environment="production", pseudonym_secret="s")


def test_the_webhook_urls_make_run_prints_are_real_routes():
    urls = webhook_urls("https://omzien.example/")
    assert urls["Voice: A call comes in"] == "https://omzien.example/twilio/voice"
    assert {url.removeprefix("https://omzien.example") for url in urls.values()} <= set(
        TWILIO_ROUTES
    )
